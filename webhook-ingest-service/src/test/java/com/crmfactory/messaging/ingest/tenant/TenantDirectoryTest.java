package com.crmfactory.messaging.ingest.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory.Owner;

class TenantDirectoryTest {

    private final TenantDirectory directory = new TenantDirectory();

    static TenantUpserted tenant(String orgId, TenantStatus status, SenderNumber... senders) {
        return new TenantUpserted(orgId, orgId + " Ltd", status, List.of(senders), null, Instant.now());
    }

    static SenderNumber sms(String number) {
        return new SenderNumber(Channel.SMS, number, SenderType.LONG_CODE, null);
    }

    static SenderNumber whatsapp(String address) {
        return new SenderNumber(Channel.WHATSAPP, address, SenderType.WHATSAPP, null);
    }

    @Test
    void findsTheOrgByTheNumberAsTwilioWritesItInTo() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550100"), whatsapp("+14155238886")));

        assertThat(directory.ownerOf("+15555550100")).contains(new Owner("org-a", TenantStatus.ACTIVE));
        // registered without the prefix on the WhatsApp channel, Twilio writes it with one
        assertThat(directory.ownerOf("whatsapp:+14155238886")).map(Owner::orgId).contains("org-a");
        assertThat(directory.ownerOf("WhatsApp:+1 415-523-8886")).map(Owner::orgId).contains("org-a");
    }

    @Test
    void channelsAreKeptApart() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550100")));

        assertThat(directory.ownerOf("whatsapp:+15555550100")).isEmpty();
        assertThat(directory.ownerOf("+15555550199")).isEmpty();
    }

    @Test
    void aWhatsAppPrefixedSenderCountsAsWhatsAppWhateverItsChannel() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("whatsapp:+15555550100")));

        assertThat(directory.ownerOf("whatsapp:+15555550100")).map(Owner::orgId).contains("org-a");
        assertThat(directory.ownerOf("+15555550100")).isEmpty();
    }

    @Test
    void eachUpsertReplacesTheOrgsNumbers() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550100"), sms("+15555550101")));
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550101"), sms("+15555550102")));

        assertThat(directory.ownerOf("+15555550100")).isEmpty();
        assertThat(directory.ownerOf("+15555550101")).map(Owner::orgId).contains("org-a");
        assertThat(directory.ownerOf("+15555550102")).map(Owner::orgId).contains("org-a");
        assertThat(directory.senderCount()).isEqualTo(2);
    }

    @Test
    void aNumberThatMovedToAnotherOrgIsNotTakenBackWhenTheOldOrgDropsIt() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550100")));
        directory.apply(tenant("org-b", TenantStatus.ACTIVE, sms("+15555550100")));
        directory.apply(tenant("org-a", TenantStatus.ACTIVE));

        assertThat(directory.ownerOf("+15555550100")).map(Owner::orgId).contains("org-b");
    }

    @Test
    void aSuspendedOrgIsFoundAsSuspended() {
        directory.apply(tenant("org-a", TenantStatus.SUSPENDED, sms("+15555550100")));

        assertThat(directory.ownerOf("+15555550100")).hasValueSatisfying(owner -> assertThat(owner.active()).isFalse());
    }

    @Test
    void messagingServicesFindTheirOrgToo() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE,
                new SenderNumber(Channel.SMS, "+15555550100", SenderType.LONG_CODE, "MG123")));

        assertThat(directory.ownerOfMessagingService("MG123")).map(Owner::orgId).contains("org-a");
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550100")));
        assertThat(directory.ownerOfMessagingService("MG123")).isEmpty();
    }

    @Test
    void aTombstoneRemovesTheOrg() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE, sms("+15555550100")));
        directory.remove("org-a");

        assertThat(directory.ownerOf("+15555550100")).isEmpty();
        assertThat(directory.tenantCount()).isZero();
    }

    @Test
    void emailAddressesAreRoutedWithoutCaseAndVoiceSendersAreNot() {
        directory.apply(tenant("org-a", TenantStatus.ACTIVE,
                new SenderNumber(Channel.EMAIL, "Support@Example.com", null, null),
                new SenderNumber(Channel.VOICE, "+15555550100", SenderType.LONG_CODE, null)));

        assertThat(directory.senderCount()).isEqualTo(1);
        assertThat(directory.ownerOfEmail("support@example.COM")).map(TenantDirectory.Owner::orgId).hasValue("org-a");
        assertThat(directory.ownerOf("support@example.com")).as("not an SMS sender").isEmpty();
        assertThat(directory.ownerOf("+15555550100")).isEmpty();
    }
}
