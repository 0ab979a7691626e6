package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Twilio's callbacks out of order and twice: the simulator calls back delivered before sent, and each callback is
 * posted again (signed) twice more; the answers must end {@code delivered}, never moving back.
 */
public final class StatusCallbackScenario implements Scenario {

    private final int messages;

    public StatusCallbackScenario(int messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "out-of-order and duplicated status callbacks";
    }

    @Override
    public String description() {
        return messages + " customers' answers get their status callbacks in reverse order (delivered, then sent), "
                + "then delivered and sent posted twice more each: every answer ends delivered, statuses never regress.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        Simulator simulator = new Simulator(stack.simulatorUrl());
        Webhooks webhooks = new Webhooks(stack);
        List<Webhooks.Posted> posted = new ArrayList<>();
        simulator.outOfOrder(true);
        try {
            for (int i = 0; i < messages; i++) {
                posted.add(webhooks.post(Webhooks.SMS_PATH, webhooks.sms(Webhooks.customer(), "Where is order " + (5100 + i) + "?")));
            }
            Invariants.Expectations expect = Expect.answers(stack, messages, Duration.ofSeconds(45));
            // the answers sent (their first verify waits for them), then the duplicates
            invariants.verify(baseline, posted, expect);
            ConversationDatabase database = new ConversationDatabase(stack);
            Set<String> sessions = database.customerMessages(posted.stream().map(Webhooks.Posted::messageSid).toList()).stream()
                    .map(ConversationDatabase.Stored::sessionId).collect(Collectors.toSet());
            int duplicates = 0;
            for (ConversationDatabase.Session session : database.sessions(sessions).values()) {
                for (ConversationDatabase.Outgoing out : session.outgoing()) {
                    if (out.requestId() == null || out.providerMessageId() == null) {
                        continue;
                    }
                    for (int copy = 0; copy < 2; copy++) {
                        for (String status : List.of("delivered", "sent")) {
                            webhooks.post(Webhooks.STATUS_PATH + "?requestId=" + out.requestId(),
                                    callback(stack, out.providerMessageId(), session.customerAddress(), status));
                            duplicates++;
                        }
                    }
                }
            }
            result.figure("duplicateCallbacksPosted", duplicates);
            Thread.sleep(3_000);
            Map<String, ConversationDatabase.Session> after = database.sessions(sessions);
            long notDelivered = after.values().stream().flatMap(s -> s.outgoing().stream())
                    .filter(o -> o.providerMessageId() != null && !"delivered".equalsIgnoreCase(o.deliveryStatus())).count();
            result.add(InvariantResult.of("every answer ends delivered", notDelivered == 0,
                    Map.of("answers", after.values().stream().mapToLong(s -> s.outgoing().size()).sum(), "notDelivered", notDelivered), null));
            result.figures().putAll(Invariants.postFigures(posted));
            result.addAll(invariants.verify(baseline, posted, expect));
        } finally {
            simulator.outOfOrder(false);
        }
    }

    private static Map<String, String> callback(Stack stack, String sid, String to, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SmsSid", sid);
        p.put("SmsStatus", status);
        p.put("MessageStatus", status);
        p.put("To", to);
        p.put("MessageSid", sid);
        p.put("AccountSid", stack.twilioAccountSid());
        p.put("From", stack.businessNumber());
        p.put("ApiVersion", "2010-04-01");
        return p;
    }
}
