package com.crmfactory.messaging.automation.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.QueryPlans;

class StateQueriesIT {

    @Test
    void theOpenSessionLookupOfEveryInboundMessageUsesAnIndexNotAScanOfTheOrgsSessions() {
        String plan = QueryPlans.indexPlan(QueryPlans.migratedDatabase("automation_plans"), StateRepository.OPEN_SESSION,
                "org-a", "sms", "+15550001111");
        assertThat(plan).contains("session_state_by_customer").doesNotContain("Seq Scan");
    }
}
