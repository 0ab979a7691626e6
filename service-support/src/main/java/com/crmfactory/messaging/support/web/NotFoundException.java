package com.crmfactory.messaging.support.web;

/** A resource that does not exist for the caller's org; answered with 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
