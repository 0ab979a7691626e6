package com.crmfactory.messaging.template.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code TWILIO_TPL_<KEY>} (e.g. {@code TWILIO_TPL_WELCOME_MENU=HX…}): the deployment's Content SID
 * for a built-in template, read from the Spring Environment (so an environment variable, a system
 * property or a test property all work). When set it wins over anything stored: the built-ins of every
 * org use the platform's own Twilio Content resources.
 */
@Component
public class ContentSidOverrides {

    public static final String PREFIX = "TWILIO_TPL_";
    public static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");

    private final Environment environment;

    public ContentSidOverrides(Environment environment) {
        this.environment = environment;
    }

    /** The override of the built-in template with this key, if the deployment sets one. */
    public Optional<String> forKey(String key) {
        String value = environment.getProperty(variableFor(key));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public static String variableFor(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT);
    }
}
