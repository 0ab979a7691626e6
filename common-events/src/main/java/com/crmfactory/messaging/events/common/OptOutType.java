package com.crmfactory.messaging.events.common;

/** Twilio Advanced Opt-Out's {@code OptOutType}, passed through as Twilio spells it. */
public enum OptOutType {
    STOP, START, HELP
}
