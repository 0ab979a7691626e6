package com.crmfactory.messaging.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

class MaskingJsonMembersCustomizerTest {

    private final JsonWriter<Map<String, String>> writer = JsonWriter.of(members -> {
        members.add("message", line -> line.get("message"));
        members.add("trace_id", line -> line.get("trace_id"));
        members.from(line -> Map.of("nested", line.get("message"))).usingPairs(Map::forEach);
        customize(members);
    });

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void customize(JsonWriter.Members<?> members) {
        new MaskingJsonMembersCustomizer().customize((JsonWriter.Members) members);
    }

    @Test
    void theMessageOfAStructuredLogLineIsMasked() {
        String json = writer.writeToString(Map.of("message", "Inbound from +14155550123 Body=hello", "trace_id", "4155550123456789"));

        assertThat(json).contains("+*******0123").contains("Body=***").doesNotContain("hello").doesNotContain("+1415")
                .as("other members are left alone").contains("4155550123456789");
    }
}
