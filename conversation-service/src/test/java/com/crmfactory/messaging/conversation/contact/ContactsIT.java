package com.crmfactory.messaging.conversation.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;

/** {@code /api/v1/contacts}: create, read with conversations, partial update, list, validation. */
class ContactsIT extends ConversationServiceTest {

    @Override
    protected String orgLabel() {
        return "contacts";
    }

    @Test
    void aContactIsCreatedReadAndUpdated() {
        String phone = Fixtures.phone();
        Api.Response created = api.post(org, "/api/v1/contacts", Map.of("name", "Ana Lima", "phone", phone,
                "whatsappAddress", phone, "email", "Ana.Lima@Example.com"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.at("/id").asString();
        assertThat(created.at("/whatsappAddress").asString()).isEqualTo("whatsapp:" + phone);
        assertThat(created.at("/email").asString()).isEqualTo("ana.lima@example.com");
        Api.Response read = api.get(org, "/api/v1/contacts/" + id);
        assertThat(read.at("/name").asString()).isEqualTo("Ana Lima");
        assertThat(read.at("/conversations").size()).isZero();
        assertThat(read.at("/conversationsTotal").asLong()).isZero();

        Api.Response updated = api.patch(org, "/api/v1/contacts/" + id, Map.of("name", "Ana L.", "email", ""));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.at("/name").asString()).isEqualTo("Ana L.");
        assertThat(updated.at("/email").isNull()).isTrue();
        assertThat(updated.at("/phone").asString()).isEqualTo(phone);

        Api.Response noAddress = api.patch(org, "/api/v1/contacts/" + id, Map.of("phone", "", "whatsappAddress", ""));
        assertThat(noAddress.status()).isEqualTo(422);
        assertThat(api.get(org, "/api/v1/contacts/" + id).at("/phone").asString()).isEqualTo(phone);
    }

    @Test
    void theCustomersMessagesJoinTheExistingContactAndShowNewestFirst() {
        String phone = Fixtures.phone();
        String id = api.post(org, "/api/v1/contacts", Map.of("name", "Bruno", "phone", phone)).at("/id").asString();

        String first = conversations.receive(Fixtures.sms(org, phone, "one"));
        api.post(org, "/api/v1/conversations/" + first + "/complete", null);
        String second = conversations.receive(Fixtures.whatsapp(org, phone, "two", "Bruno M", java.time.Instant.now()));

        Api.Response contact = api.get(org, "/api/v1/contacts/" + id);
        assertThat(contact.at("/conversations").findValuesAsString("sessionId")).containsExactly(second, first);
        assertThat(contact.at("/conversations/1/status").asString()).isEqualTo("completed");
        assertThat(contact.at("/whatsappAddress").asString()).isEqualTo("whatsapp:" + phone);
        assertThat(contact.at("/whatsappProfileName").asString()).isEqualTo("Bruno M");
        assertThat(contact.at("/name").asString()).isEqualTo("Bruno");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE org_id = ?", Integer.class, org)).isEqualTo(1);
    }

    @Test
    void invalidContactsAre422AndDuplicates409() {
        assertThat(field(api.post(org, "/api/v1/contacts", Map.of("name", "Nobody")))).isEqualTo("phone");
        assertThat(field(api.post(org, "/api/v1/contacts", Map.of("phone", "12345")))).isEqualTo("phone");
        assertThat(field(api.post(org, "/api/v1/contacts", Map.of("email", "not-an-email")))).isEqualTo("email");
        assertThat(field(api.post(org, "/api/v1/contacts", Map.of("whatsappAddress", "whatsapp:abc")))).isEqualTo("whatsappAddress");
        assertThat(field(api.post(org, "/api/v1/contacts", Map.of("phone", Fixtures.phone(), "name", "n".repeat(201)))))
                .isEqualTo("name");

        String phone = Fixtures.phone();
        String other = Fixtures.phone();
        assertThat(api.post(org, "/api/v1/contacts", Map.of("phone", phone)).status()).isEqualTo(201);
        assertThat(api.post(org, "/api/v1/contacts", Map.of("phone", phone)).status()).isEqualTo(409);
        String second = api.post(org, "/api/v1/contacts", Map.of("phone", other)).at("/id").asString();
        assertThat(api.patch(org, "/api/v1/contacts/" + second, Map.of("phone", phone)).status()).isEqualTo(409);
        assertThat(api.post(Fixtures.org("elsewhere"), "/api/v1/contacts", Map.of("phone", phone)).status()).isEqualTo(201);

        assertThat(api.get(org, "/api/v1/contacts/3f1d2c4b-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(api.get(org, "/api/v1/contacts/garbage").status()).isEqualTo(404);
        assertThat(api.patch(org, "/api/v1/contacts/garbage", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.post(org, "/api/v1/contacts", "{not json").status()).isEqualTo(400);
    }

    @Test
    void theListIsPagedAndSearchable() {
        for (String name : new String[] {"Carla", "Diego", "Elena"}) {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name);
            body.put("phone", Fixtures.phone());
            assertThat(api.post(org, "/api/v1/contacts", body).status()).isEqualTo(201);
        }

        Api.Response page = api.get(org, "/api/v1/contacts?size=2");
        assertThat(page.at("/totalItems").asLong()).isEqualTo(3);
        assertThat(page.at("/totalPages").asInt()).isEqualTo(2);
        assertThat(page.at("/items").findValuesAsString("name")).containsExactly("Elena", "Diego");
        assertThat(api.get(org, "/api/v1/contacts?q=DIE").at("/items").findValuesAsString("name")).containsExactly("Diego");
        assertThat(api.get(org, "/api/v1/contacts?size=1000").status()).isEqualTo(422);
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.at("/errors/0/field").asString();
    }
}
