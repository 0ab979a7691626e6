package com.crmfactory.messaging.support.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback {@code %msg} with {@link LogMasking} applied, for plain-text (non-JSON) log patterns:
 * {@code <conversionRule conversionWord="msg" class="...MaskingMessageConverter"/>}.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogMasking.mask(super.convert(event));
    }
}
