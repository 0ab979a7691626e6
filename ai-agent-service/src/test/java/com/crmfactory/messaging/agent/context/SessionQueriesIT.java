package com.crmfactory.messaging.agent.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.QueryPlans;

class SessionQueriesIT {

    @Test
    void theOverdueTurnSweepWalksBothPartialIndexesInOrderSoThatDeadEntriesAreMarkedNotVisitedAgain() {
        Timestamp now = Timestamp.from(Instant.now());
        String plan = QueryPlans.indexPlanAfter(QueryPlans.migratedDatabase("agent_plans"),
                SessionContextRepository.PLAIN_INDEX_SCANS, SessionContextRepository.OVERDUE, now, now);
        assertThat(plan).contains("Index Scan using agent_session_due", "Index Scan using agent_session_lease")
                .doesNotContain("Bitmap", "Seq Scan");
    }
}
