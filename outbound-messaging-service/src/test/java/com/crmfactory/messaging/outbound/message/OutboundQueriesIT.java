package com.crmfactory.messaging.outbound.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.QueryPlans;

class OutboundQueriesIT {

    @Test
    void thePendingSweepReadsOnlyPendingRowsThroughItsPartialIndex() {
        String plan = QueryPlans.indexPlan(QueryPlans.migratedDatabase("outbound_plans"),
                OutboundMessageRepository.PENDING_OLDER_THAN, 30.0, 20);
        assertThat(plan).contains("outbound_message_pending").doesNotContain("Seq Scan");
    }
}
