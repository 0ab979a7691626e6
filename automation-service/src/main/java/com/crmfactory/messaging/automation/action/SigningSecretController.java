package com.crmfactory.messaging.automation.action;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;

import io.swagger.v3.oas.annotations.Operation;

/** {@code /api/v1/automations/signing-secret}: the org's key for verifying http_request calls. */
@RestController
@RequestMapping("/api/v1/automations/signing-secret")
class SigningSecretController {

    private final SigningSecrets secrets;

    SigningSecretController(SigningSecrets secrets) {
        this.secrets = secrets;
    }

    @GetMapping
    @Operation(summary = "The key http_request calls are signed with", description = "X-Signature: sha256=<hex "
            + "HMAC-SHA256 of '<X-Signature-Timestamp>.<body>'>; generated on first use.")
    Map<String, String> get() {
        return Map.of("secret", secrets.secretOf(OrgContext.require()));
    }

    @PostMapping("/rotate")
    Map<String, String> rotate() {
        return Map.of("secret", secrets.rotate(OrgContext.require()));
    }
}
