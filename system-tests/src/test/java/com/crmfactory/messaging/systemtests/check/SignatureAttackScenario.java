package com.crmfactory.messaging.systemtests.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

/** Forged, replayed and tampered {@code X-Twilio-Signature}s: 403 for each, and none of their messages stored. */
public final class SignatureAttackScenario implements Scenario {

    @Override
    public String name() {
        return "forged, replayed and tampered signatures";
    }

    @Override
    public String description() {
        return "Inbound webhooks and status callbacks with no signature, a random one, one made with another auth token, "
                + "one of another request replayed on a new body, one of another URL, and a signed body tampered after "
                + "signing: each answered 403 and nothing stored.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Webhooks webhooks = new Webhooks(stack);
        String url = stack.gatewayUrl() + Webhooks.SMS_PATH;
        String token = stack.twilioAuthToken();
        Map<String, Webhooks.Posted> cases = new LinkedHashMap<>();

        Map<String, String> none = webhooks.sms(Webhooks.customer(), "no signature at all");
        cases.put("missing", webhooks.post(url, none, null));
        Map<String, String> forged = webhooks.sms(Webhooks.customer(), "a forged signature");
        cases.put("random", webhooks.post(url, forged, "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA=="));
        Map<String, String> otherToken = webhooks.sms(Webhooks.customer(), "signed with another token");
        cases.put("other auth token", webhooks.post(url, otherToken, TwilioFixtures.sign("ffffffffffffffffffffffffffffffff", url, otherToken)));
        Map<String, String> original = webhooks.sms(Webhooks.customer(), "the original request");
        String captured = TwilioFixtures.sign(token, url, original);
        Map<String, String> replayed = webhooks.sms(Webhooks.customer(), "a new body under a captured signature");
        cases.put("replayed on another body", webhooks.post(url, replayed, captured));
        Map<String, String> otherUrl = webhooks.sms(Webhooks.customer(), "signed for another URL");
        cases.put("signed for another URL", webhooks.post(url, otherUrl, TwilioFixtures.sign(token, url + "?x=1", otherUrl)));
        Map<String, String> tampered = webhooks.sms(Webhooks.customer(), "the body as signed");
        String signature = TwilioFixtures.sign(token, url, tampered);
        Map<String, String> changed = new LinkedHashMap<>(tampered);
        changed.put("Body", "the body changed after signing");
        cases.put("tampered body", webhooks.post(url, changed, signature));
        Map<String, String> swapped = new LinkedHashMap<>(webhooks.sms(Webhooks.customer(), "the sender changed after signing"));
        String swappedSignature = TwilioFixtures.sign(token, url, swapped);
        swapped.put("From", Webhooks.customer());
        cases.put("tampered sender", webhooks.post(url, swapped, swappedSignature));
        // a status callback that would mark some request delivered, unsigned and forged
        Map<String, String> status = new LinkedHashMap<>();
        status.put("MessageSid", Webhooks.messageSid());
        status.put("MessageStatus", "delivered");
        status.put("AccountSid", stack.twilioAccountSid());
        String statusUrl = stack.gatewayUrl() + Webhooks.STATUS_PATH + "?requestId=forged";
        cases.put("status callback forged", webhooks.post(statusUrl, status, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));

        Map<String, Object> statuses = new LinkedHashMap<>();
        cases.forEach((name, posted) -> statuses.put(name, posted.status()));
        long not403 = cases.values().stream().filter(p -> p.status() != 403).count();
        result.add(InvariantResult.of("every bad signature answered 403", not403 == 0, statuses,
                not403 == 0 ? null : not403 + " not answered 403"));

        Thread.sleep(3_000);
        List<String> sids = new ArrayList<>();
        cases.values().forEach(p -> sids.add(p.messageSid()));
        sids.add(original.get("MessageSid"));
        int stored = new ConversationDatabase(stack).customerMessages(sids).size();
        result.add(InvariantResult.of("nothing stored from them", stored == 0, Map.of("storedRows", stored), null));
    }
}
