package com.crmfactory.messaging.agent.media;

/** A media URL that is not fetched (host, scheme, type, size) or could not be. */
public class MediaRefusedException extends RuntimeException {

    public MediaRefusedException(String message) {
        super(message);
    }
}
