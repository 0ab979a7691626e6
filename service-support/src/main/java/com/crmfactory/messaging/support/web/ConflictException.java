package com.crmfactory.messaging.support.web;

/** A request that contradicts the resource's current state; answered with 409 problem+json. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
