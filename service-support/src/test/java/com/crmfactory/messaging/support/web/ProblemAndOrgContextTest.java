package com.crmfactory.messaging.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.config.ServiceSupportAutoConfiguration;
import com.crmfactory.messaging.support.config.WebSupportAutoConfiguration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

// the secret comes from the test harness (test-support); NEXT_SECRET is the next one during a rotation
@WebMvcTest(controllers = ProblemAndOrgContextTest.SampleController.class,
        properties = "platform.org-context.additional-secrets=" + ProblemAndOrgContextTest.NEXT_SECRET)
@ImportAutoConfiguration({ServiceSupportAutoConfiguration.class, WebSupportAutoConfiguration.class})
@ContextConfiguration(classes = ProblemAndOrgContextTest.SampleController.class)
class ProblemAndOrgContextTest {

    static final String NEXT_SECRET = "next-org-context-secret-0123456789";
    /** spring.application.name of the test application. */
    private static final String AUDIENCE = "support-it";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgContextToken tokens;

    @Test
    void apiRequestsWithoutOrgContextAreRejected() throws Exception {
        mvc.perform(get("/api/v1/things/1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.header").value(OrgContext.HEADER));
    }

    @Test
    void forgedOrExpiredOrgContextsAreRejected() throws Exception {
        rejected("org-a");
        rejected(tokens.sign("org-a", AUDIENCE).replace(".org-a.", ".org-b."));
        rejected(tokens.sign("org-a", "conversation-service").replace(".conversation-service.", "." + AUDIENCE + "."));
        String valid = signer(NEXT_SECRET, Duration.ofSeconds(60)).sign("org-a", AUDIENCE);
        rejected(valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "AB" : "AA"));
        rejected(signer(NEXT_SECRET, Duration.ofSeconds(-5)).sign("org-a", AUDIENCE));
    }

    @Test
    void aTokenForAnotherServiceIsRejected() throws Exception {
        rejected(tokens.sign("org-a", "conversation-service"));
        rejected(signer(NEXT_SECRET, Duration.ofSeconds(60)).sign("org-a", "template-service"));
    }

    @Test
    void anAdditionalSecretIsAcceptedAnUnknownOneIsNot() throws Exception {
        mvc.perform(get("/api/v1/things/1").header(OrgContext.HEADER, signer(NEXT_SECRET, Duration.ofSeconds(60)).sign("org-a", AUDIENCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value("org-a"));
        rejected(signer("some-other-secret-of-16+", Duration.ofSeconds(60)).sign("org-a", AUDIENCE));
    }

    private void rejected(String token) throws Exception {
        mvc.perform(get("/api/v1/things/1").header(OrgContext.HEADER, token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.header").value(OrgContext.HEADER));
    }

    /** The gateway's side of a token, signed with a secret of its own. */
    private static OrgContextToken signer(String secret, Duration ttl) {
        return new OrgContextToken("gateway-service", secret, List.of(), ttl, Clock.systemUTC());
    }

    @Test
    void theOrgIsAvailableToTheController() throws Exception {
        mvc.perform(get("/api/v1/things/1").header(OrgContext.HEADER, tokens.sign("org-a", AUDIENCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value("org-a"));
    }

    @Test
    void webhooksNeedNoOrgContext() throws Exception {
        mvc.perform(post("/api/v1/webhooks/telephony/ping")).andExpect(status().isOk());
    }

    @Test
    void notFoundIsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/things/404").header(OrgContext.HEADER, tokens.sign("org-a", AUDIENCE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("thing 404 was not found"));
    }

    @Test
    void conflictIsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/things/409").header(OrgContext.HEADER, tokens.sign("org-a", AUDIENCE)))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void validationErrorsNameTheField() throws Exception {
        mvc.perform(post("/api/v1/things").header(OrgContext.HEADER, tokens.sign("org-a", AUDIENCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void unreadableBodiesAreBadRequests() throws Exception {
        mvc.perform(post("/api/v1/things").header(OrgContext.HEADER, tokens.sign("org-a", AUDIENCE))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    record NewThing(@NotBlank @Size(max = 10) String name) {
    }

    @RestController
    @Validated
    static class SampleController {

        @GetMapping("/api/v1/things/{id}")
        java.util.Map<String, String> thing(@PathVariable String id) {
            if (id.equals("404")) {
                throw new NotFoundException("thing", id);
            }
            if (id.equals("409")) {
                throw new ConflictException("thing is closed");
            }
            return java.util.Map.of("id", id, "org", OrgContext.require());
        }

        @PostMapping("/api/v1/things")
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @PostMapping("/api/v1/webhooks/telephony/ping")
        String ping() {
            return "pong";
        }
    }
}
