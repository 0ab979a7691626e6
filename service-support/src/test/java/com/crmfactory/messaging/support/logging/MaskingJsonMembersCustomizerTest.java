package com.crmfactory.messaging.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

class MaskingJsonMembersCustomizerTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final JsonWriter<Map<String, String>> writer = JsonWriter.of(members -> {
        members.add("message", line -> line.get("message"));
        members.add("traceId", line -> line.get("traceId"));
        members.add("error").usingMembers(error -> error.add("stack_trace", line -> line.get("stack")));
        members.from(line -> Map.of("nested", line.get("message"))).usingPairs(Map::forEach);
        customize(members);
    });

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void customize(JsonWriter.Members<?> members) {
        new MaskingJsonMembersCustomizer().customize((JsonWriter.Members) members);
    }

    @Test
    void theMessageAndTheErrorOfAStructuredLogLineAreMasked() {
        String json = writer.writeToString(Map.of("message", "Inbound from +14155550123 Body=hello there",
                "traceId", TRACE_ID, "stack", "java.lang.IllegalStateException: token 0123456789abcdef0123456789abcdef for jane@example.com"));

        assertThat(json).contains("+*******0123").contains("Body=***").doesNotContain("hello").doesNotContain("there")
                .doesNotContain("+1415").doesNotContain("jane@").doesNotContain("0123456789abcdef0123456789abcdef")
                .as("trace ids are left alone").contains(TRACE_ID);
    }
}
