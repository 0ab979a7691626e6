package com.crmfactory.messaging.support.consumer;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.support.kafka.TraceParent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * Applies the records of one poll in one database transaction: one commit for the lot instead of one per record
 * (issue 16). Each record keeps everything a record listener gave it: its own guard row ({@link IncomingEvents}), its
 * own observation as the container makes one for a record listener (the {@code spring.kafka.listener} timer with the
 * same tags, and a span that continues the record's {@code traceparent}), and the view of the database the records
 * before it left ({@code betweenRecords} flushes an ORM's pending writes, as a commit would).
 *
 * <p>If the transaction fails, it rolls back and the records are applied again, one transaction each and in order.
 * The first record that fails on its own is handed to the container's error handler by its index
 * ({@link BatchListenerFailedException}): the records before it stay committed, it is retried and then
 * dead-lettered as a record listener's record would be, and the records after it are delivered again.
 *
 * <p>Batches form only when records wait: under light load a poll brings one record and costs what it did before;
 * under a backlog the commits, offset commits and fetches per record fall.
 */
public class RecordBatches {

    /** Records per transaction at most (a poll brings up to {@code max.poll.records}, 500 by default). */
    static final int MAX_PER_TRANSACTION = 50;

    private static final Logger log = LoggerFactory.getLogger(RecordBatches.class);

    private final TransactionTemplate transactions;
    private final ObservationRegistry observations;
    private final Runnable betweenRecords;
    private final TraceParent traceParent;
    private final Counter retriedOneByOne;

    /**
     * @param betweenRecords run after each record inside the shared transaction, e.g. flushing and clearing a JPA
     *        persistence context so that the next record's plain SQL sees this record's writes and its entities
     *        load afresh
     * @param traceParent continues a record's trace in the work it hands to {@link #afterCommit}
     */
    public RecordBatches(TransactionTemplate transactions, ObservationRegistry observations, Runnable betweenRecords,
            TraceParent traceParent, MeterRegistry meters) {
        this.transactions = transactions;
        this.observations = observations;
        this.betweenRecords = betweenRecords;
        this.traceParent = traceParent;
        this.retriedOneByOne = Counter.builder("platform.consumer.batches.retried")
                .description("record batches whose shared transaction failed and that were applied again one record each")
                .register(meters);
    }

    /**
     * Applies {@code records} with {@code handler}, which runs inside a transaction and must not start its own
     * commit (it joins the batch's).
     *
     * @param listenerId the {@code @KafkaListener}'s id, the observations' {@code spring.kafka.listener.id}
     */
    public void apply(List<ConsumerRecord<String, String>> records, String listenerId,
            Consumer<ConsumerRecord<String, String>> handler) {
        for (int from = 0; from < records.size(); from += MAX_PER_TRANSACTION) {
            int to = Math.min(records.size(), from + MAX_PER_TRANSACTION);
            if (to - from == 1 || !inOneTransaction(records.subList(from, to), listenerId, handler)) {
                oneByOne(records, from, to, listenerId, handler);
            }
        }
    }

    /**
     * Runs {@code action} once the transaction of the record being applied has committed, on the consumer thread before
     * the next poll, in the record's trace: work that must follow the record's commit (a send) while the record shares
     * its transaction with others. Nothing runs if the transaction rolls back; the record is then applied again, and
     * registers it again.
     */
    public void afterCommit(Runnable action) {
        String trace = traceParent.current().orElse(null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                traceParent.continueTrace(trace, "kafka.record.after-commit", action);
            }
        });
    }

    private boolean inOneTransaction(List<ConsumerRecord<String, String>> chunk, String listenerId,
            Consumer<ConsumerRecord<String, String>> handler) {
        try {
            transactions.executeWithoutResult(status -> chunk.forEach(record -> {
                traced(record, listenerId, handler);
                betweenRecords.run();
            }));
            return true;
        } catch (RuntimeException e) {
            retriedOneByOne.increment();
            log.info("A batch of {} records failed ({}); applying them one by one", chunk.size(), e.getClass().getSimpleName());
            return false;
        }
    }

    private void oneByOne(List<ConsumerRecord<String, String>> records, int from, int to, String listenerId,
            Consumer<ConsumerRecord<String, String>> handler) {
        for (int i = from; i < to; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                transactions.executeWithoutResult(status -> traced(record, listenerId, handler));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("record " + i + " of the batch failed", e, i);
            }
        }
    }

    private void traced(ConsumerRecord<String, String> record, String listenerId,
            Consumer<ConsumerRecord<String, String>> handler) {
        String group = KafkaUtils.getConsumerGroupId();
        KafkaListenerObservation.LISTENER_OBSERVATION.observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, null, group, () -> null), observations)
                .observe(() -> handler.accept(record));
    }
}
