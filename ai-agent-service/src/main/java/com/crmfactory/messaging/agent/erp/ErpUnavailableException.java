package com.crmfactory.messaging.agent.erp;

/** The ERP did not answer usefully; the dialogue escalates requests only the ERP can answer. */
public class ErpUnavailableException extends RuntimeException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
