package com.crmfactory.messaging.events.common;

/** Who wrote a message in a conversation. Upper case on the wire, as in the design. */
public enum Author {
    CUSTOMER, AI, AGENT, AUTOMATION
}
