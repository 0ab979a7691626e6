package com.crmfactory.messaging.template.builtin;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.template.catalog.ContentSidOverrides;

/**
 * Checks the {@code TWILIO_TPL_*} settings when the service starts (a malformed SID stops it: better
 * than sending with it), then brings stored built-ins in line with them, since a deployment may have
 * changed a SID since the last start.
 */
@Component
class OverrideStartup {

    private static final Logger log = LoggerFactory.getLogger(OverrideStartup.class);

    private final ContentSidOverrides overrides;
    private final DefaultTemplates defaults;

    OverrideStartup(ContentSidOverrides overrides, DefaultTemplates defaults, ConfigurableEnvironment environment) {
        this.overrides = overrides;
        this.defaults = defaults;
        for (String key : BuiltInTemplates.keys()) {
            overrides.forKey(key).filter(sid -> !ContentSidOverrides.CONTENT_SID.matcher(sid).matches())
                    .ifPresent(sid -> {
                        throw new IllegalStateException(ContentSidOverrides.variableFor(key)
                                + " must be a Twilio Content SID (HX followed by 32 hex digits)");
                    });
        }
        Set<String> unknown = new TreeSet<>(overrideNames(environment));
        BuiltInTemplates.keys().forEach(key -> unknown.remove(ContentSidOverrides.variableFor(key)));
        if (!unknown.isEmpty()) {
            log.warn("Ignoring {}: only the built-in templates {} have TWILIO_TPL_* overrides", unknown,
                    BuiltInTemplates.keys());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyOverrides() {
        for (String key : BuiltInTemplates.keys()) {
            overrides.forKey(key).ifPresent(sid -> {
                int changed = defaults.applyOverride(key, sid);
                if (changed > 0) {
                    log.info("{} now gives {} built-in templates '{}' the Content SID {}",
                            ContentSidOverrides.variableFor(key), changed, key, sid);
                }
            });
        }
    }

    private static Set<String> overrideNames(ConfigurableEnvironment environment) {
        Set<String> names = new TreeSet<>();
        environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .filter(name -> name.startsWith(ContentSidOverrides.PREFIX))
                .forEach(names::add);
        return names;
    }
}
