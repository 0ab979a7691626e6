package com.crmfactory.messaging.support.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} with {@link LogMasking} applied: exception messages (and those of their
 * causes) often quote the offending input, a payload or a URL with credentials. The service defaults
 * make it the {@code logging.exception-conversion-word} of plain-text patterns.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    /** The conversion word it is registered under. */
    public static final String WORD = "maskedWEx";

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return LogMasking.mask(super.throwableProxyToString(throwable));
    }
}
