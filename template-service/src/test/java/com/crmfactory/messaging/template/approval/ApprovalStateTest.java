package com.crmfactory.messaging.template.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.ApprovalStatus;

class ApprovalStateTest {

    @Test
    void mapsTwiliosStatuses() {
        assertThat(status("unsubmitted")).isEqualTo(ApprovalStatus.DRAFT);
        assertThat(status("received")).isEqualTo(ApprovalStatus.PENDING);
        assertThat(status("pending")).isEqualTo(ApprovalStatus.PENDING);
        assertThat(status("approved")).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(status("APPROVED")).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(status("rejected")).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(status("paused")).isEqualTo(ApprovalStatus.PAUSED);
        assertThat(status("disabled")).isEqualTo(ApprovalStatus.DISABLED);
        assertThat(status("something_new")).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void neverSubmittedIsDraft() {
        assertThat(ApprovalState.fromWhatsapp(null).status()).isEqualTo(ApprovalStatus.DRAFT);
        assertThat(ApprovalState.fromWhatsapp(Map.of()).status()).isEqualTo(ApprovalStatus.DRAFT);
    }

    @Test
    void keepsTheRejectionReasonOfARejection() {
        ApprovalState rejected = ApprovalState.fromWhatsapp(Map.of("status", "rejected", "rejection_reason", "INVALID_FORMAT"));
        assertThat(rejected.rejectionReason()).isEqualTo("INVALID_FORMAT");
        assertThat(ApprovalState.fromWhatsapp(Map.of("status", "approved", "rejection_reason", "")).rejectionReason()).isNull();
    }

    private static ApprovalStatus status(String twilio) {
        return ApprovalState.fromWhatsapp(Map.of("status", twilio)).status();
    }
}
