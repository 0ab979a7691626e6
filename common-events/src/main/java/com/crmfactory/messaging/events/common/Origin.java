package com.crmfactory.messaging.events.common;

/** Who asked for an outbound message. Upper case on the wire; maps 1:1 onto {@link Author}. */
public enum Origin {
    AGENT, AI, AUTOMATION;

    public Author author() {
        return Author.valueOf(name());
    }
}
