package com.crmfactory.messaging.template.catalog;

import java.util.Arrays;
import java.util.Locale;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * The API speaks the events' wire values ({@code quick-reply}, {@code whatsapp}, {@code approved}).
 * Requests carry them as strings so that a wrong value is a 422 naming the field and the allowed
 * values, not an unreadable-body 400.
 */
public final class WireValues {

    /** Channels a template can be for; voice has no message templates. */
    public static final String CHANNELS = "sms|mms|whatsapp|email";
    public static final String TYPES = "text|media|quick-reply|list-picker";
    public static final String STATUSES = "draft|pending|approved|rejected|paused|disabled";

    private WireValues() {
    }

    public static Channel channel(String value, String field) {
        return value == null ? null : parse(Channel.class, value, field, CHANNELS);
    }

    public static TemplateType type(String value, String field) {
        return value == null ? null : parse(TemplateType.class, value, field, TYPES);
    }

    public static ApprovalStatus status(String value, String field) {
        return value == null ? null : parse(ApprovalStatus.class, value, field, STATUSES);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String allowed) {
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(name) && Arrays.asList(allowed.split("\\|")).contains(value))
                .findFirst()
                .orElseThrow(() -> new UnprocessableException(field,
                        "must be one of " + allowed.replace("|", ", ") + ", got '" + value + "'"));
    }
}
