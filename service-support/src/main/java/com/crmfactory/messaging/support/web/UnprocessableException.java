package com.crmfactory.messaging.support.web;

/** A well-formed request that breaks a business rule about one field; answered with 422 problem+json. */
public class UnprocessableException extends RuntimeException {

    private final String field;

    public UnprocessableException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
