package com.crmfactory.messaging.systemtests.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.systemtests.PersonalDataCorpus;

/**
 * Customers' texts, numbers and e-mail addresses through the whole pipeline, then every line of every
 * service's log scanned ({@link PersonalDataCorpus}): none may be there, nor any customer number the suite used.
 * Run it last: it scans what every earlier scenario logged too.
 */
public final class PersonalDataScanScenario implements Scenario {

    @Override
    public String name() {
        return "personal data in logs";
    }

    @Override
    public String description() {
        return "Three multi-word, non-ASCII texts holding e-mail addresses and numbers, from fresh numbers, answered by "
                + "the AI; then every service's log: no text, two consecutive words of one, address or full number — "
                + "nor any customer number an earlier scenario used.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        Webhooks webhooks = new Webhooks(stack);
        PersonalDataCorpus corpus = new PersonalDataCorpus();
        List<Webhooks.Posted> posted = new ArrayList<>();
        for (String opening : new String[] {"Hello there Ximena", "Grüße aus Köln", "Necesito ayuda urgente"}) {
            posted.add(webhooks.post(Webhooks.SMS_PATH, webhooks.sms(corpus.phone(), corpus.text(opening))));
        }
        result.addAll(invariants.verify(baseline, posted, Expect.answers(stack, posted.size(), Duration.ofSeconds(45))));
        Thread.sleep(1_000);
        List<Path> logs = stack.serviceLogs();
        List<String> found = new ArrayList<>(corpus.findIn(logs));
        long lines = 0;
        for (Path log : logs) {
            String content = Files.readString(log);
            lines += content.lines().count();
            for (String customer : Webhooks.CUSTOMERS) {
                if (content.contains(customer.substring(1))) {
                    found.add("customer number ending " + customer.substring(customer.length() - 4) + " in " + log.getFileName());
                }
            }
        }
        result.add(InvariantResult.of("no personal data in any service's log", found.isEmpty(),
                Map.of("logFiles", logs.size(), "linesScanned", lines, "customerNumbersChecked", Webhooks.CUSTOMERS.size(),
                        "findings", found.size()),
                found.isEmpty() ? null : String.join("; ", found.subList(0, Math.min(10, found.size())))));
    }
}
