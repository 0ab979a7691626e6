package com.crmfactory.messaging.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.crmfactory.messaging.support.web.OrgContextToken;

/** A service refuses to start without the org-context secret, unless it runs with the {@code local} profile. */
class OrgContextSecretStartupTest {

    private static final String SECRET = "an-org-context-secret-0123456789";
    private static final String NEXT = "next-org-context-secret-0123456789";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceSupportAutoConfiguration.class))
            .withPropertyValues("spring.application.name=conversation-service");

    @Test
    void withoutTheSecretOutsideLocalItFailsNamingTheVariable() {
        service.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PLATFORM_ORG_CONTEXT_SECRET")
                    .hasMessageContaining("'local' profile");
        });
        service.withPropertyValues("spring.profiles.active=production", "platform.org-context.secret=")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void withTheLocalProfileItStartsWithTheDevelopmentSecret() {
        service.withPropertyValues("spring.profiles.active=local").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OrgContextToken.class);
            OrgContextToken tokens = context.getBean(OrgContextToken.class);
            assertThat(tokens.verify(tokens.sign("org-a", "conversation-service"))).contains("org-a");
        });
    }

    @Test
    void withTheSecretItStartsAndAcceptsTheAdditionalOnes() {
        service.withPropertyValues("platform.org-context.secret=" + SECRET,
                "platform.org-context.additional-secrets=" + NEXT + ",other-org-context-secret-01")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    OrgContextToken tokens = context.getBean(OrgContextToken.class);
                    assertThat(tokens.verify(gateway(NEXT).sign("org-a", "conversation-service"))).contains("org-a");
                    assertThat(tokens.verify(gateway(SECRET).sign("org-a", "conversation-service"))).contains("org-a");
                    assertThat(tokens.verify(gateway("unknown-org-context-secret-01").sign("org-a", "conversation-service"))).isEmpty();
                });
    }

    @Test
    void theSecretNeverAppearsInTheFailure() {
        service.withPropertyValues("platform.org-context.secret=short-secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("short-secret");
        });
    }

    private static OrgContextToken gateway(String secret) {
        return new OrgContextToken("gateway-service", secret, List.of(), Duration.ofSeconds(60), Clock.systemUTC());
    }
}
