package com.crmfactory.messaging.outbound.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** {@code messaging.inbound.v1}: session windows, opt-out/opt-in keywords, HELP. */
@Component
class InboundListener {

    private final EventCodec codec;
    private final InboundService inbound;

    InboundListener(EventCodec codec, InboundService inbound) {
        this.codec = codec;
        this.inbound = inbound;
    }

    @KafkaListener(id = "outbound-inbound", idIsGroup = false, topics = Topics.INBOUND)
    public void on(ConsumerRecord<String, String> record) {
        codec.decode(record).ifPresent(event -> {
            if (event.payload() instanceof MessageReceived received) {
                inbound.receive(event.id(), received, record.key());
            }
        });
    }
}
