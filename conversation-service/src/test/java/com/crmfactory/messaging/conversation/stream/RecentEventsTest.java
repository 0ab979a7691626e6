package com.crmfactory.messaging.conversation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    @Test
    void replaysWhatCameAfterTheLastSeenIdOfTheSameOrgOnly() {
        RecentEvents recent = new RecentEvents(3);
        recent.add("a", new RecentEvents.Event("1", "x", "{}"));
        recent.add("b", new RecentEvents.Event("b1", "x", "{}"));
        recent.add("a", new RecentEvents.Event("2", "x", "{}"));
        recent.add("a", new RecentEvents.Event("3", "x", "{}"));
        assertThat(recent.after("a", "1").orElseThrow()).extracting(RecentEvents.Event::id).containsExactly("2", "3");
        assertThat(recent.after("a", "3").orElseThrow()).isEmpty();
        assertThat(recent.after("b", "1")).isEmpty();
        assertThat(recent.after("c", "1")).isEmpty();
    }

    @Test
    void keepsOnlyTheLastEventsOfEachOrg() {
        RecentEvents recent = new RecentEvents(2);
        for (String id : List.of("1", "2", "3")) {
            recent.add("a", new RecentEvents.Event(id, "x", "{}"));
        }
        assertThat(recent.size("a")).isEqualTo(2);
        assertThat(recent.after("a", "1")).as("too old to resume from").isEmpty();
        assertThat(recent.after("a", "2").orElseThrow()).extracting(RecentEvents.Event::id).containsExactly("3");
    }
}
