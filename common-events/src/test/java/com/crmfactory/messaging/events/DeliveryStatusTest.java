package com.crmfactory.messaging.events;

import static com.crmfactory.messaging.events.common.DeliveryStatus.DELIVERED;
import static com.crmfactory.messaging.events.common.DeliveryStatus.FAILED;
import static com.crmfactory.messaging.events.common.DeliveryStatus.QUEUED;
import static com.crmfactory.messaging.events.common.DeliveryStatus.READ;
import static com.crmfactory.messaging.events.common.DeliveryStatus.SENDING;
import static com.crmfactory.messaging.events.common.DeliveryStatus.SENT;
import static com.crmfactory.messaging.events.common.DeliveryStatus.UNDELIVERED;
import static com.crmfactory.messaging.events.common.DeliveryStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmfactory.messaging.events.common.DeliveryStatus;
import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void movesForwardOnly() {
        assertThat(QUEUED.canMoveTo(SENT)).isTrue();
        assertThat(SENT.canMoveTo(DELIVERED)).isTrue();
        assertThat(SENT.canMoveTo(READ)).isTrue(); // WhatsApp may report read before delivered
        assertThat(DELIVERED.canMoveTo(SENT)).isFalse(); // the late 'sent' callback
        assertThat(READ.canMoveTo(DELIVERED)).isFalse();
        assertThat(SENT.canMoveTo(SENT)).isFalse();
    }

    @Test
    void failuresAreTerminalButNeverUndoADelivery() {
        assertThat(SENT.canMoveTo(UNDELIVERED)).isTrue();
        assertThat(QUEUED.canMoveTo(FAILED)).isTrue();
        assertThat(FAILED.canMoveTo(DELIVERED)).isFalse();
        assertThat(UNDELIVERED.canMoveTo(FAILED)).isFalse();
        assertThat(DELIVERED.canMoveTo(UNDELIVERED)).isFalse();
    }

    @Test
    void unknownIsLeftByAnyRealStatusAndNeverOverwritesOne() {
        assertThat(UNKNOWN.canMoveTo(QUEUED)).isTrue();
        assertThat(UNKNOWN.canMoveTo(FAILED)).isTrue();
        assertThat(SENDING.canMoveTo(UNKNOWN)).isFalse();
    }

    @Test
    void mapsTwilioStatuses() {
        assertThat(DeliveryStatus.fromProvider("accepted")).isEqualTo(QUEUED);
        assertThat(DeliveryStatus.fromProvider("scheduled")).isEqualTo(QUEUED);
        assertThat(DeliveryStatus.fromProvider("sending")).isEqualTo(SENDING);
        assertThat(DeliveryStatus.fromProvider("READ")).isEqualTo(READ);
        assertThat(DeliveryStatus.fromProvider("canceled")).isEqualTo(FAILED);
        assertThat(DeliveryStatus.fromProvider("undelivered")).isEqualTo(UNDELIVERED);
        assertThat(DeliveryStatus.fromProvider("partially_delivered")).isEqualTo(UNKNOWN);
        assertThat(DeliveryStatus.fromProvider(null)).isEqualTo(UNKNOWN);
    }
}
