package com.crmfactory.messaging.outbound.inbound;

import java.util.Locale;
import java.util.Set;

import com.crmfactory.messaging.events.common.OptOutType;

/** Twilio's default opt-out, opt-in and help keywords (docs/twilio.md#opt-out-keywords): a single word, any case. */
final class Keywords {

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP");

    private Keywords() {
    }

    /** The keyword a message is, or null; Twilio's own {@code OptOutType} wins when present. */
    static OptOutType of(String body, OptOutType optOutType) {
        if (optOutType != null) {
            return optOutType;
        }
        if (body == null) {
            return null;
        }
        String word = body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            return OptOutType.STOP;
        }
        if (START.contains(word)) {
            return OptOutType.START;
        }
        return HELP.contains(word) ? OptOutType.HELP : null;
    }
}
