package io.cameljwt.examples.cookbook.checkout;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameljwt.examples.HttpJson;

/**
 * Prices a cart for cookbook 9 ({@code cookbook/checkout.camel.yaml}) from the shop's own catalogue: the client
 * says what it wants and how many, never what it costs. The result is the cart token's claims.
 */
public class CartPricing {

    /** DEMO ONLY: the catalogue, SKU to unit price in EUR. */
    private static final Map<String, BigDecimal> CATALOGUE = Map.of(
            "A-1", new BigDecimal("49.90"),
            "A-2", new BigDecimal("19.90"),
            "B-7", new BigDecimal("4.50"));
    private static final String CURRENCY = "EUR";
    private static final int MAX_QUANTITY = 99;

    /**
     * Reads {@code {"items": [{"sku": "A-1", "quantity": 2}, ...]}} and returns the claims of the cart token:
     * {@code cart} (each line with its unit price), {@code amount} (the total, as a decimal string) and
     * {@code currency}.
     *
     * @throws IllegalArgumentException when the request is not such a cart, or names an unknown SKU
     */
    public Map<String, Object> quote(String request) {
        JsonNode items;
        try {
            items = HttpJson.mapper().readTree(request == null ? "" : request).path("items");
        } catch (IOException e) {
            throw new IllegalArgumentException("the cart is not JSON");
        }
        if (!items.isArray() || items.isEmpty()) {
            throw new IllegalArgumentException("the cart needs a non-empty array items");
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (JsonNode item : items) {
            BigDecimal price = CATALOGUE.get(item.path("sku").asText());
            int quantity = item.path("quantity").asInt(0);
            if (price == null || !item.path("quantity").isInt() || quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException(
                        "each item needs a known sku and a quantity from 1 to " + MAX_QUANTITY);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", item.path("sku").asText());
            line.put("quantity", quantity);
            line.put("unit_price", price.toPlainString());
            lines.add(line);
            amount = amount.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("cart", lines);
        claims.put("amount", amount.toPlainString());
        claims.put("currency", CURRENCY);
        return claims;
    }
}
