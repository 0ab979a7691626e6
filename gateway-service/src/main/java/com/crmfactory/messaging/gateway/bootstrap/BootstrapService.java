package com.crmfactory.messaging.gateway.bootstrap;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.gateway.apikey.ApiKeySecrets;
import com.crmfactory.messaging.gateway.apikey.ApiKeyService;
import com.crmfactory.messaging.gateway.apikey.ApiKeyViews;
import com.crmfactory.messaging.gateway.org.AddNumberRequest;
import com.crmfactory.messaging.gateway.org.OrgNumberService;
import com.crmfactory.messaging.gateway.org.OrgRequests;
import com.crmfactory.messaging.gateway.org.OrgService;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * Creates the default org, its numbers and its key, in one transaction, if and only if there is no org
 * at all. Replicas starting together serialise on an advisory lock, so exactly one of them creates it.
 */
@Service
public class BootstrapService {

    private final JdbcClient jdbc;
    private final OrgService orgs;
    private final OrgNumberService numbers;
    private final ApiKeyService keys;

    public BootstrapService(JdbcClient jdbc, OrgService orgs, OrgNumberService numbers, ApiKeyService keys) {
        this.jdbc = jdbc;
        this.orgs = orgs;
        this.numbers = numbers;
        this.keys = keys;
    }

    /** The default org just created, or empty when orgs already existed. */
    public record Created(String orgId, String apiKey, boolean keyGenerated) {
    }

    @Transactional
    public Optional<Created> createDefaultOrgIfNone(BootstrapProperties properties) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('gateway-service:bootstrap'))").query((rs, row) -> 1).list();
        if (orgs.anyOrgExists()) {
            return Optional.empty();
        }
        String suppliedKey = properties.apiKey() == null || properties.apiKey().isBlank() ? null : properties.apiKey().strip();
        if (suppliedKey != null && suppliedKey.length() < ApiKeySecrets.MIN_LENGTH) {
            throw new IllegalStateException("PLATFORM_BOOTSTRAP_API_KEY must have at least " + ApiKeySecrets.MIN_LENGTH + " characters");
        }
        String orgId = orgs.create(new OrgRequests.Create(properties.orgId(), properties.orgName(), null, null, null)).id();
        addNumber(orgId, "sms", properties.smsNumber(), "PLATFORM_TWILIO_SMS_NUMBER");
        addNumber(orgId, "whatsapp", properties.whatsappNumber(), "PLATFORM_TWILIO_WHATSAPP_NUMBER");
        ApiKeyViews.CreateRequest request = new ApiKeyViews.CreateRequest("default", null, null);
        ApiKeyViews.Issued issued = suppliedKey == null ? keys.issue(orgId, request) : keys.issue(orgId, request, suppliedKey);
        return Optional.of(new Created(orgId, issued.key(), suppliedKey == null));
    }

    private void addNumber(String orgId, String channel, String address, String variable) {
        if (address == null || address.isBlank()) {
            return;
        }
        try {
            numbers.add(orgId, new AddNumberRequest(channel, address, null, null));
        } catch (UnprocessableException e) {
            throw new IllegalStateException(variable + " is not a valid sender: " + e.getMessage(), e);
        }
    }
}
