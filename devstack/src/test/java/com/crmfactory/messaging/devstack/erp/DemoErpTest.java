package com.crmfactory.messaging.devstack.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class DemoErpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void catalogueHasOverTwoThousandPartsWithBreaksStockAndAttributes() {
        DemoCatalog catalog = new DemoCatalog();
        assertThat(catalog.all()).hasSizeGreaterThan(2000);
        assertThat(catalog.attributes("BLT-M8X30")).containsEntry("size", "M8").containsEntry("type", "hex bolt");
        var part = catalog.find("BRG-6204-2RS").orElseThrow();
        assertThat(catalog.unitPrice(part, 250)).isLessThan(catalog.unitPrice(part, 10));
        assertThat(catalog.all().stream().filter(p -> catalog.stock(p).available() == 0)).isNotEmpty();
        assertThat(catalog.all().stream().filter(p -> catalog.stock(p).available() > 0)).isNotEmpty();
    }

    @Test
    void servesTheContract() throws Exception {
        try (DemoErp erp = new DemoErp(0)) {
            String base = "http://localhost:" + erp.port() + "/api/v1";
            assertThat(get(base + "/prices/BRG-6204-2RS?quantity=250").body()).contains("\"quantity\":250");
            assertThat(get(base + "/stock/BRG-6204-2RS").body()).contains("\"warehouses\"");
            assertThat(get(base + "/orders/SO-100001?customerPhone=%2B15550100001").statusCode()).isEqualTo(200);
            assertThat(get(base + "/orders/SO-100001?customerPhone=%2B15550100002").statusCode()).isEqualTo(404);
            assertThat(get(base + "/catalog/search?q=bearing+6204").body()).contains("BRG-6204-ZZ");
            assertThat(get(base + "/parts/search?q=hex+bolt+m8&page=0&size=5").body()).contains("\"total\":36")
                    .contains("\"facets\"");
            assertThat(get(base + "/parts/search?q=x&size=99").statusCode()).isEqualTo(422);
            assertThat(get(base + "/orders?customerPhone=%2B15550100001&size=1").body()).contains("SO-1000");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/sales-orders"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"customerPhone\":\"+15551234567\",\"reference\":\"r1\",\"lines\":[{\"sku\":\"BLT-M8X30\",\"quantity\":100}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"status\":\"received\"");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
