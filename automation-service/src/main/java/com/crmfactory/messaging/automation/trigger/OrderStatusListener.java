package com.crmfactory.messaging.automation.trigger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code erp.order-status.v1}: the ERP's order status changes, the order_status_changed trigger. */
@Component
class OrderStatusListener {

    static final String CONSUMER = "automation-service.erp-order-status";

    private final IncomingEvents events;
    private final TriggerService triggers;

    OrderStatusListener(IncomingEvents events, TriggerService triggers) {
        this.events = events;
        this.triggers = triggers;
    }

    @KafkaListener(id = "automation-erp-order-status", idIsGroup = false, topics = Topics.ERP_ORDER_STATUS,
            concurrency = "${automation.listener-concurrency:4}")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof OrderStatusChanged order && events.isFirstDelivery(CONSUMER, event)) {
                triggers.orderStatusChanged(event.id(), order);
            }
        });
    }
}
