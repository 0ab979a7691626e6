package com.crmfactory.messaging.devstack.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
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
 * A generated catalogue of 2,001 industrial parts (bearings by size series, hex bolts and cap screws by
 * M-size × length and material, nuts, washers, O-rings, shaft seals, belts, sensors, contactors, motors, fittings,
 * hoses), each with attributes (type, size, material…). Generated, not random: the same SKUs, prices and stock on
 * every start, so demos and tests can name them.
 */
public final class DemoCatalog {

    static final String CURRENCY = "USD";
    /** Quantity breaks and their discount off list price. */
    private static final long[] BREAKS = {1, 50, 100, 250, 1000};
    private static final int[] DISCOUNT_PERCENT = {0, 5, 10, 15, 22};
    private static final String[][] WAREHOUSES = {{"ATL", "Atlanta"}, {"CHI", "Chicago"}, {"RNO", "Reno"}};

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    private final CatalogSearch search;

    public DemoCatalog() {
        bearings();
        hexBolts();
        capScrews();
        nutsAndWashers();
        belts();
        orings();
        shaftSeals();
        sensorsAndElectrics();
        fluidPower();
        transmissionAndRods();
        search = new CatalogSearch(this);
    }

    /** Deep groove ball bearings: series 60/62/63/68/69/160, bore codes 00–20, sealed (2RS), shielded (ZZ) or open. */
    private void bearings() {
        for (String series : new String[] {"60", "62", "63", "68", "69", "160"}) {
            for (int bore = 0; bore <= 20; bore++) {
                String code = series + String.format("%02d", bore);
                for (String seal : new String[] {"2RS", "ZZ", "OPEN"}) {
                    String sealName = switch (seal) {
                        case "2RS" -> "rubber sealed";
                        case "ZZ" -> "metal shielded";
                        default -> "open";
                    };
                    double price = 2.4 + bore * 0.85 + switch (series) {
                        case "63" -> 3.1;
                        case "62" -> 1.4;
                        case "160", "68" -> 0.6;
                        default -> 0;
                    } + (seal.equals("OPEN") ? -0.4 : 0);
                    add("BRG-" + code + "-" + seal, "Deep groove ball bearing " + code + "-" + seal,
                            sealName + " deep groove ball bearing " + code + ", bore " + boreMm(bore) + " mm", "Bearings",
                            "each", price, attrs("type", "deep groove ball bearing", "size", code, "seal", seal,
                                    "bore", boreMm(bore) + " mm", "series", series));
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

    private static final int[] METRIC = {4, 5, 6, 8, 10, 12, 14, 16, 20, 24};
    private static final int[] LENGTHS = {10, 12, 16, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 80, 90, 100};

    /** DIN 933 hex bolts by M-size × length: zinc plated 8.8 (BLT-M8X30) and stainless A2 (BLT-M8X30-A2). */
    private void hexBolts() {
        for (int d : METRIC) {
            for (int l : LENGTHS) {
                if (l < 2 * d || l > 10 * d) {
                    continue;
                }
                double price = 0.08 + d * d * l * 0.00009;
                add("BLT-M" + d + "X" + l, "Hex bolt M" + d + " x " + l + " mm zinc plated",
                        "DIN 933 hex head bolt M" + d + " x " + l + " mm, grade 8.8, zinc plated", "Fasteners", "each",
                        price, attrs("type", "hex bolt", "size", "M" + d, "length", l + " mm", "material", "zinc plated steel"));
                add("BLT-M" + d + "X" + l + "-HDG", "Hex bolt M" + d + " x " + l + " mm galvanised",
                        "DIN 933 hex head bolt M" + d + " x " + l + " mm, grade 8.8, hot-dip galvanised", "Fasteners",
                        "each", price * 1.4, attrs("type", "hex bolt", "size", "M" + d, "length", l + " mm", "material",
                                "hot-dip galvanised steel"));
                add("BLT-M" + d + "X" + l + "-A2", "Hex bolt M" + d + " x " + l + " mm stainless A2",
                        "DIN 933 hex head bolt M" + d + " x " + l + " mm, stainless steel A2-70", "Fasteners", "each",
                        price * 2.6, attrs("type", "hex bolt", "size", "M" + d, "length", l + " mm", "material",
                                "stainless A2"));
            }
        }
    }

    /** ISO 4762 socket head cap screws, black 12.9 and stainless A2. */
    private void capScrews() {
        for (int d : METRIC) {
            for (int l : LENGTHS) {
                if (l < 2 * d || l > 8 * d) {
                    continue;
                }
                double price = 0.11 + d * d * l * 0.0001;
                add("SHC-M" + d + "X" + l, "Socket cap screw M" + d + " x " + l + " mm 12.9",
                        "ISO 4762 socket head cap screw M" + d + " x " + l + " mm, grade 12.9, black oxide", "Fasteners",
                        "each", price, attrs("type", "socket cap screw", "size", "M" + d, "length", l + " mm", "material",
                                "black steel 12.9"));
                add("SHC-M" + d + "X" + l + "-A2", "Socket cap screw M" + d + " x " + l + " mm A2",
                        "ISO 4762 socket head cap screw M" + d + " x " + l + " mm, stainless steel A2-70", "Fasteners",
                        "each", price * 2.4, attrs("type", "socket cap screw", "size", "M" + d, "length", l + " mm",
                                "material", "stainless A2"));
            }
        }
    }

    /** Hex nuts and washers, sold in boxes of 100. */
    private void nutsAndWashers() {
        String[][] materials = {{"", "zinc plated steel", "zinc plated"}, {"-A2", "stainless A2", "stainless A2"}};
        for (int d : METRIC) {
            for (String[] m : materials) {
                add("NUT-M" + d + m[0], "Hex nut M" + d + " " + m[2] + " (box of 100)",
                        "DIN 934 hex nut M" + d + ", " + m[1] + ", box of 100", "Fasteners", "box", 1.5 + d * d * 0.06
                                * (m[0].isEmpty() ? 1 : 2.5), attrs("type", "hex nut", "size", "M" + d, "material", m[1]));
                add("NUT-M" + d + "-NYL" + m[0], "Nylon lock nut M" + d + " " + m[2] + " (box of 100)",
                        "DIN 985 nylon insert lock nut M" + d + ", " + m[1] + ", box of 100", "Fasteners", "box",
                        2.6 + d * d * 0.08 * (m[0].isEmpty() ? 1 : 2.5), attrs("type", "lock nut", "size", "M" + d,
                                "material", m[1]));
                for (String[] w : new String[][] {{"FLAT", "Flat washer", "DIN 125 flat washer"},
                        {"SPRING", "Spring washer", "DIN 127 spring lock washer"},
                        {"FENDER", "Fender washer", "DIN 9021 large fender washer"}}) {
                    add("WSH-M" + d + "-" + w[0] + m[0], w[1] + " M" + d + " " + m[2] + " (box of 100)",
                            w[2] + " M" + d + ", " + m[1] + ", box of 100", "Fasteners", "box",
                            0.9 + d * d * 0.03 * (m[0].isEmpty() ? 1 : 2.5), attrs("type", w[1].toLowerCase(Locale.ROOT),
                                    "size", "M" + d, "material", m[1]));
                }
            }
        }
    }

    private void belts() {
        for (String section : new String[] {"A", "B", "C", "SPZ"}) {
            for (int length = 20; length <= 100; length += 2) {
                add("VBT-" + section + length, "V-belt " + section + length,
                        "Classic wrapped V-belt section " + section + ", " + length + " in outside length", "Power transmission",
                        "each", (section.equals("A") ? 6.5 : section.equals("B") ? 9.2 : 12.4) + length * 0.21,
                        attrs("type", "v-belt", "section", section, "length", length + " in"));
            }
        }
    }

    private void orings() {
        int[] ids = {5, 6, 8, 10, 12, 14, 15, 16, 18, 20, 22, 25, 28, 30, 32, 35, 40, 45, 50, 55, 60, 70, 80, 90, 100};
        String[][] materials = {{"NBR", "Nitrile"}, {"FKM", "Viton"}, {"EPDM", "EPDM"}};
        for (String[] material : materials) {
            for (int size : ids) {
                for (int cord = 1; cord <= 5; cord++) {
                    add("ORG-" + material[0] + "-" + size + "X" + cord, "O-ring " + material[0] + " " + size + " x " + cord
                            + " mm", material[1] + " O-ring, inner diameter " + size + " mm, cord " + cord + " mm", "Seals",
                            "each", (material[0].equals("NBR") ? 0.12 : material[0].equals("FKM") ? 0.55 : 0.2) + size * 0.01
                                    + cord * 0.03, attrs("type", "o-ring", "material", material[0], "size", size + " x "
                                    + cord + " mm", "inner diameter", size + " mm", "cord", cord + " mm"));
                }
            }
        }
    }

    /** Radial shaft seals (oil seals) by shaft × bore × width, NBR or FKM lip. */
    private void shaftSeals() {
        int[] shafts = {10, 12, 15, 17, 20, 22, 25, 28, 30, 32, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80};
        for (int shaft : shafts) {
            for (int extra : new int[] {10, 15, 20}) {
                int bore = shaft + extra;
                int width = shaft < 30 ? 7 : shaft < 60 ? 8 : 10;
                for (String lip : new String[] {"NBR", "FKM"}) {
                    add("SEL-" + shaft + "X" + bore + "X" + width + "-" + lip, "Oil seal " + shaft + "x" + bore + "x" + width
                            + " " + lip, "Radial shaft seal type TC, shaft " + shaft + " mm, bore " + bore + " mm, width "
                            + width + " mm, " + lip + " lip", "Seals", "each", (lip.equals("NBR") ? 1.8 : 4.9) + shaft * 0.05,
                            attrs("type", "oil seal", "size", shaft + "x" + bore + "x" + width, "material", lip,
                                    "shaft", shaft + " mm"));
                }
            }
        }
    }

    private void sensorsAndElectrics() {
        int[][] ranges = {{8, 1}, {8, 2}, {12, 2}, {12, 4}, {18, 2}, {18, 4}, {18, 5}, {18, 8}, {18, 15}, {30, 10}, {30, 15},
                {30, 20}};
        for (int[] r : ranges) {
            for (String output : new String[] {"PNP", "NPN"}) {
                add("PRX-M" + r[0] + "-" + r[1] + "MM-" + output, "Inductive proximity sensor M" + r[0] + " " + r[1] + " mm "
                        + output, "M" + r[0] + " inductive proximity sensor, sensing range " + r[1] + " mm, " + output
                        + " NO, 10-30 VDC", "Sensors", "each", 18.5 + r[1] * 1.7 + r[0] * 0.2, attrs("type",
                        "inductive proximity sensor", "size", "M" + r[0], "range", r[1] + " mm", "output", output));
            }
        }
        for (int amps : new int[] {6, 9, 12, 18, 25, 32, 40, 50, 65, 80}) {
            for (String coil : new String[] {"24VDC", "230VAC", "110VAC"}) {
                add("CTR-" + amps + "A-" + coil, "Contactor " + amps + " A " + coil + " coil",
                        "3-pole contactor " + amps + " A AC-3, coil " + coil, "Electrical", "each", 21 + amps * 1.35,
                        attrs("type", "contactor", "rating", amps + " A", "coil", coil));
            }
        }
        for (int kw : new int[] {1, 2, 3, 4, 5, 7, 11, 15, 18, 22}) {
            for (int poles : new int[] {2, 4, 6}) {
                add("MTR-" + kw + "KW-" + poles + "P", "Electric motor " + kw + " kW " + poles + "-pole", "IE3 three-phase "
                        + "induction motor " + kw + " kW, " + poles + "-pole, " + (3000 / poles * 2 / 2) + " rpm, foot mounted",
                        "Motors", "each", 180 + kw * 62.5 + poles * 12, attrs("type", "electric motor", "power", kw + " kW",
                                "poles", poles + "-pole"));
            }
        }
    }

    private void fluidPower() {
        for (int tube : new int[] {4, 6, 8, 10, 12, 14, 16}) {
            for (String type : new String[] {"STRAIGHT", "ELBOW", "TEE", "Y", "BULKHEAD"}) {
                add("PNF-" + tube + "MM-" + type, "Push-in fitting " + tube + " mm " + type.toLowerCase(Locale.ROOT),
                        "Pneumatic push-in fitting, " + type.toLowerCase(Locale.ROOT) + ", tube OD " + tube + " mm",
                        "Pneumatics", "each", 1.1 + tube * 0.18 + (type.equals("TEE") ? 0.9 : 0), attrs("type",
                                "push-in fitting", "size", tube + " mm", "shape", type.toLowerCase(Locale.ROOT)));
            }
        }
        for (String size : new String[] {"06", "08", "10", "12", "16", "20"}) {
            for (int metres : new int[] {1, 2, 3, 5, 10}) {
                add("HYD-2SN-" + size + "-" + metres + "M", "Hydraulic hose 2SN DN" + size + " " + metres + " m",
                        "EN 853 2SN hydraulic hose assembly DN" + size + ", " + metres + " m, with crimped fittings",
                        "Hydraulics", "each", 24 + Integer.parseInt(size) * 1.6 + metres * 7.5, attrs("type",
                                "hydraulic hose", "size", "DN" + size, "length", metres + " m"));
            }
        }
    }

    /** Simplex sprockets by chain pitch × teeth, threaded rods by M-size × length, cable glands. */
    private void transmissionAndRods() {
        for (String chain : new String[] {"06B", "08B", "10B", "12B"}) {
            for (int teeth = 9; teeth <= 45; teeth++) {
                add("SPR-" + chain + "-" + teeth, "Sprocket " + chain + " " + teeth + " teeth", "Simplex pilot bore sprocket "
                        + "for chain " + chain + "-1, " + teeth + " teeth, C45 steel", "Power transmission", "each",
                        4.5 + teeth * 0.42 * (chain.charAt(1) - '4'), attrs("type", "sprocket", "chain", chain, "teeth",
                                String.valueOf(teeth)));
            }
        }
        for (int d : METRIC) {
            for (int metres : new int[] {1, 2, 3}) {
                add("ROD-M" + d + "-" + metres + "M", "Threaded rod M" + d + " " + metres + " m zinc plated",
                        "DIN 976 threaded rod M" + d + ", " + metres + " m, grade 4.8, zinc plated", "Fasteners", "each",
                        0.9 + d * 0.35 * metres, attrs("type", "threaded rod", "size", "M" + d, "length", metres + " m",
                                "material", "zinc plated steel"));
                add("ROD-M" + d + "-" + metres + "M-A2", "Threaded rod M" + d + " " + metres + " m stainless A2",
                        "DIN 976 threaded rod M" + d + ", " + metres + " m, stainless steel A2", "Fasteners", "each",
                        2.1 + d * 0.8 * metres, attrs("type", "threaded rod", "size", "M" + d, "length", metres + " m",
                                "material", "stainless A2"));
            }
        }
        for (int gland : new int[] {12, 16, 20, 25, 32, 40, 50, 63}) {
            for (String material : new String[] {"PA", "BRASS"}) {
                add("CGL-M" + gland + "-" + material, "Cable gland M" + gland + " " + (material.equals("PA") ? "nylon" : "brass"),
                        "IP68 cable gland M" + gland + ", " + (material.equals("PA") ? "polyamide" : "nickel plated brass"),
                        "Electrical", "each", (material.equals("PA") ? 0.6 : 2.8) + gland * 0.05, attrs("type", "cable gland",
                                "size", "M" + gland, "material", material.equals("PA") ? "nylon" : "brass"));
            }
        }
    }

    private static Map<String, String> attrs(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private void add(String sku, String name, String description, String category, String unit, double listPrice,
            Map<String, String> attributes) {
        BigDecimal list = BigDecimal.valueOf(listPrice).setScale(2, RoundingMode.HALF_UP);
        List<PriceBreak> breaks = new ArrayList<>();
        for (int i = 0; i < BREAKS.length; i++) {
            BigDecimal factor = BigDecimal.valueOf(100 - DISCOUNT_PERCENT[i]).movePointLeft(2);
            breaks.add(new PriceBreak(BREAKS[i], list.multiply(factor).setScale(2, RoundingMode.HALF_UP)));
        }
        parts.put(sku, new Part(sku, name, description, category, unit, list, CURRENCY, List.copyOf(breaks)));
        this.attributes.put(sku, attributes);
    }

    /** What the part is, as a search filter and a narrowing question can use it (type, size, material…). */
    public Map<String, String> attributes(String sku) {
        return attributes.getOrDefault(sku, Map.of());
    }

    public List<Part> all() {
        return List.copyOf(parts.values());
    }

    public Optional<Part> find(String sku) {
        return Optional.ofNullable(parts.get(sku.trim().toUpperCase(Locale.ROOT)));
    }

    /** The old contract's search (every word of the query must match), kept for connectors that still call it. */
    public List<Part> search(String query, int limit) {
        return search.search(query, Map.of(), 0, limit).items().stream().map(CatalogSearch.Hit::part).toList();
    }

    /** Relevance search with filters and paging ({@code GET /api/v1/parts/search}). */
    public CatalogSearch searcher() {
        return search;
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
