package com.crmfactory.messaging.devstack.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.crmfactory.messaging.devstack.erp.ErpModel.Part;
import com.crmfactory.messaging.devstack.erp.ErpModel.PriceBreak;
import com.crmfactory.messaging.devstack.erp.ErpModel.Stock;
import com.crmfactory.messaging.devstack.erp.ErpModel.WarehouseStock;

/**
 * A seeded catalogue of about 200 industrial parts. Generated, not random: the same SKUs, prices and
 * stock on every start, so demos and tests can name them.
 */
public final class DemoCatalog {

    static final String CURRENCY = "USD";
    /** Quantity breaks and their discount off list price. */
    private static final long[] BREAKS = {1, 50, 100, 250, 1000};
    private static final int[] DISCOUNT_PERCENT = {0, 5, 10, 15, 22};
    private static final String[][] WAREHOUSES = {{"ATL", "Atlanta"}, {"CHI", "Chicago"}, {"RNO", "Reno"}};

    private final Map<String, Part> parts = new LinkedHashMap<>();

    public DemoCatalog() {
        bearings();
        bolts();
        belts();
        orings();
        sensorsAndElectrics();
        fluidPower();
    }

    private void fluidPower() {
        for (int tube : new int[] {4, 6, 8, 10, 12}) {
            for (String type : new String[] {"STRAIGHT", "ELBOW", "TEE"}) {
                add("PNF-" + tube + "MM-" + type, "Push-in fitting " + tube + " mm " + type.toLowerCase(Locale.ROOT),
                        "Pneumatic push-in fitting, " + type.toLowerCase(Locale.ROOT) + ", tube OD " + tube + " mm",
                        "Pneumatics", "each", 1.1 + tube * 0.18 + (type.equals("TEE") ? 0.9 : 0));
            }
        }
        for (String size : new String[] {"06", "08", "10", "12"}) {
            for (int metres : new int[] {1, 2, 5}) {
                add("HYD-2SN-" + size + "-" + metres + "M", "Hydraulic hose 2SN DN" + size + " " + metres + " m",
                        "EN 853 2SN hydraulic hose assembly DN" + size + ", " + metres + " m, with crimped fittings",
                        "Hydraulics", "each", 24 + Integer.parseInt(size) * 1.6 + metres * 7.5);
            }
        }
    }

    private void bearings() {
        for (String series : new String[] {"60", "62", "63"}) {
            for (int bore = 0; bore <= 10; bore++) {
                String code = series + String.format("%02d", bore);
                for (String seal : new String[] {"2RS", "ZZ"}) {
                    String sealName = seal.equals("2RS") ? "rubber sealed" : "metal shielded";
                    double price = 2.4 + bore * 0.85 + (series.equals("63") ? 3.1 : series.equals("62") ? 1.4 : 0);
                    add("BRG-" + code + "-" + seal, "Deep groove ball bearing " + code + "-" + seal,
                            sealName + " deep groove ball bearing " + code + ", bore " + boreMm(bore) + " mm", "Bearings",
                            "each", price);
                }
            }
        }
    }

    private static int boreMm(int code) {
        return switch (code) {
            case 0 -> 10;
            case 1 -> 12;
            case 2 -> 15;
            case 3 -> 17;
            default -> code * 5;
        };
    }

    private void bolts() {
        int[] diameters = {6, 8, 10, 12, 16, 20};
        int[] lengths = {20, 30, 40, 50, 60, 80};
        for (int d : diameters) {
            for (int l : lengths) {
                add("BLT-M" + d + "X" + l, "Hex bolt M" + d + " x " + l + " mm zinc plated",
                        "DIN 933 hex head bolt M" + d + " x " + l + " mm, grade 8.8, zinc plated", "Fasteners", "each",
                        0.08 + d * d * l * 0.00009);
            }
        }
    }

    private void belts() {
        for (String section : new String[] {"A", "B"}) {
            for (int length = 30; length <= 70; length += 4) {
                add("VBT-" + section + length, "V-belt " + section + length,
                        "Classic wrapped V-belt section " + section + ", " + length + " in outside length", "Power transmission",
                        "each", (section.equals("A") ? 6.5 : 9.2) + length * 0.21);
            }
        }
    }

    private void orings() {
        String[] materials = {"NBR", "FKM"};
        for (String material : materials) {
            for (int size = 10; size <= 60; size += 5) {
                add("ORG-" + material + "-" + size + "X2", "O-ring " + material + " " + size + " x 2 mm",
                        (material.equals("NBR") ? "Nitrile" : "Viton") + " O-ring, inner diameter " + size + " mm, cord 2 mm",
                        "Seals", "each", (material.equals("NBR") ? 0.12 : 0.55) + size * 0.01);
            }
        }
    }

    private void sensorsAndElectrics() {
        for (int range : new int[] {2, 4, 8, 15}) {
            for (String output : new String[] {"PNP", "NPN"}) {
                add("PRX-M18-" + range + "MM-" + output, "Inductive proximity sensor M18 " + range + " mm " + output,
                        "M18 inductive proximity sensor, sensing range " + range + " mm, " + output + " NO, 10-30 VDC",
                        "Sensors", "each", 18.5 + range * 1.7);
            }
        }
        for (int amps : new int[] {9, 12, 18, 25, 32, 40}) {
            for (String coil : new String[] {"24VDC", "230VAC"}) {
                add("CTR-" + amps + "A-" + coil, "Contactor " + amps + " A " + coil + " coil",
                        "3-pole contactor " + amps + " A AC-3, coil " + coil, "Electrical", "each", 21 + amps * 1.35);
            }
        }
        for (int kw : new int[] {1, 2, 3, 4, 5, 7, 11}) {
            add("MTR-" + kw + "KW-4P", "Electric motor " + kw + " kW 4-pole", "IE3 three-phase induction motor " + kw
                    + " kW, 4-pole, 1500 rpm, foot mounted", "Motors", "each", 180 + kw * 62.5);
        }
    }

    private void add(String sku, String name, String description, String category, String unit, double listPrice) {
        BigDecimal list = BigDecimal.valueOf(listPrice).setScale(2, RoundingMode.HALF_UP);
        List<PriceBreak> breaks = new ArrayList<>();
        for (int i = 0; i < BREAKS.length; i++) {
            BigDecimal factor = BigDecimal.valueOf(100 - DISCOUNT_PERCENT[i]).movePointLeft(2);
            breaks.add(new PriceBreak(BREAKS[i], list.multiply(factor).setScale(2, RoundingMode.HALF_UP)));
        }
        parts.put(sku, new Part(sku, name, description, category, unit, list, CURRENCY, List.copyOf(breaks)));
    }

    public List<Part> all() {
        return List.copyOf(parts.values());
    }

    public Optional<Part> find(String sku) {
        return Optional.ofNullable(parts.get(sku.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every word of the query must appear in the SKU, name, description or category. */
    public List<Part> search(String query, int limit) {
        String[] words = query.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        return parts.values().stream().filter(part -> {
            String text = (part.sku() + " " + part.name() + " " + part.description() + " " + part.category())
                    .toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!word.isEmpty() && !text.contains(word)) {
                    return false;
                }
            }
            return true;
        }).limit(limit).toList();
    }

    /** Unit price for a quantity: the highest break the quantity reaches. */
    public BigDecimal unitPrice(Part part, long quantity) {
        BigDecimal price = part.listPrice();
        for (PriceBreak priceBreak : part.priceBreaks()) {
            if (quantity >= priceBreak.minQuantity()) {
                price = priceBreak.unitPrice();
            }
        }
        return price;
    }

    /** Deterministic stock from the SKU's hash: some parts are out of stock in some or all warehouses. */
    public Stock stock(Part part) {
        List<WarehouseStock> warehouses = new ArrayList<>();
        int hash = Math.abs(part.sku().hashCode());
        long total = 0;
        for (int i = 0; i < WAREHOUSES.length; i++) {
            int h = (hash >> (i * 5)) & 31;
            long quantity = h < 6 ? 0 : h * 37L % 900;
            total += quantity;
            warehouses.add(new WarehouseStock(WAREHOUSES[i][0], WAREHOUSES[i][1], quantity));
        }
        return new Stock(part.sku(), total, List.copyOf(warehouses), total == 0 ? 21 : 2);
    }
}
