package com.crmfactory.messaging.automation.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.config.AutomationProperties;
import com.crmfactory.messaging.automation.definition.Condition;
import com.crmfactory.messaging.automation.definition.Trigger;
import com.crmfactory.messaging.automation.event.Contact;
import com.crmfactory.messaging.automation.event.TriggerEvent;
import com.crmfactory.messaging.automation.event.TriggerType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ConditionEvaluatorTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The work budget alone stops a runaway regex here: the wall-clock backstop is an hour away. */
    private final ConditionEvaluator evaluator = new ConditionEvaluator(new AutomationProperties(Duration.ofSeconds(10),
            2, 1_000_000, Duration.ofHours(1), Duration.ofMillis(500), 20,
            new AutomationProperties.Http(Duration.ofSeconds(5), 3, Duration.ofMillis(500), List.of())), meters);

    /** Monday 2026-03-02 10:30 in Berlin (09:30 UTC). */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:30:00Z");

    @Test
    void triggerFilters() {
        assertThat(evaluator.triggers(new Trigger(TriggerType.SMS_RECEIVED, Set.of(), true, Set.of()), message("mms", "x")))
                .isTrue();
        assertThat(evaluator.triggers(new Trigger(TriggerType.SMS_RECEIVED, Set.of(), false, Set.of()), message("mms", "x")))
                .isFalse();
        Trigger whatsapp = new Trigger(TriggerType.CHANNEL_MESSAGE_RECEIVED, Set.of("whatsapp"), true, Set.of());
        assertThat(evaluator.triggers(whatsapp, retype(message("whatsapp", "x")))).isTrue();
        assertThat(evaluator.triggers(whatsapp, retype(message("sms", "x")))).isFalse();
        assertThat(evaluator.triggers(whatsapp, message("whatsapp", "x"))).as("another trigger type").isFalse();
    }

    @Test
    void bodyConditions() {
        TriggerEvent event = message("sms", "My Invoice INV-2041 is wrong; refund?");
        assertThat(evaluator.passes(new Condition.BodyContains("REFUND"), event)).isTrue();
        assertThat(evaluator.passes(new Condition.Keywords(List.of("invoice")), event)).isTrue();
        assertThat(evaluator.passes(new Condition.Keywords(List.of("invoi")), event)).as("whole words only").isFalse();
        assertThat(evaluator.passes(new Condition.BodyMatches(Pattern.compile("INV-\\d{4}")), event)).isTrue();
    }

    @Test
    void aRunawayRegexIsStoppedByItsWorkBudgetAndDoesNotMatch() {
        TriggerEvent event = message("sms", "a".repeat(40) + "!");
        assertThat(evaluator.passes(new Condition.BodyMatches(Pattern.compile("(.*a){20}$")), event)).isFalse();
        assertThat(meters.counter("automation.condition.regex.timeouts").count()).isEqualTo(1);
    }

    @Test
    void contactSessionAndBusinessHours() {
        TriggerEvent event = message("sms", "hi");
        assertThat(evaluator.passes(new Condition.ContactField("name", "contains", "an"), event)).isTrue();
        assertThat(evaluator.passes(new Condition.ContactField("email", "present", null), event)).isFalse();
        assertThat(evaluator.passes(new Condition.SessionIntent(Set.of("ORDER_STATUS")), event)).isTrue();
        assertThat(evaluator.passes(new Condition.SessionStatusIn(Set.of("needs_human")), event)).isFalse();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(evaluator.passes(new Condition.BusinessHours(berlin, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), true), event)).isTrue();
        assertThat(evaluator.passes(new Condition.BusinessHours(berlin, Set.of(DayOfWeek.MONDAY), LocalTime.of(11, 0),
                LocalTime.of(17, 0), true), event)).isFalse();
        assertThat(evaluator.passes(new Condition.BusinessHours(berlin, Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), false), event)).isTrue();
    }

    private static TriggerEvent message(String channel, String body) {
        return new TriggerEvent("e-1", "org-1", TriggerType.SMS_RECEIVED, channel, "org-1:sms:+14155550123",
                "+14155550123", "s-1", new Contact("Ana", "+14155550123", null), "order_status", "active", body,
                Map.of("body", body), 0, MONDAY_MORNING);
    }

    private static TriggerEvent retype(TriggerEvent e) {
        return new TriggerEvent(e.eventId(), e.orgId(), TriggerType.CHANNEL_MESSAGE_RECEIVED, e.channel(),
                e.conversationKey(), e.customerAddress(), e.sessionId(), e.contact(), e.sessionIntent(), e.sessionStatus(),
                e.body(), e.payload(), e.depth(), e.occurredAt());
    }
}
