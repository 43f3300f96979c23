import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Splitter;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multimap;
import com.google.common.collect.MultimapBuilder;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.builder.ToStringBuilder;
import org.apache.commons.lang3.time.DateFormatUtils;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * A class-heavy start, timed as a whole process with and without {@code -javaagent} by
 * {@code agent/scripts/startup-ratio.sh} (the agent's start-up goal, at most 1.5x): builds a small
 * catalogue with Guava, round-trips it through Jackson's data binding, formats it with
 * commons-lang3 and summarises it with commons-math3, the way an application's first request
 * touches its libraries (about 930 library classes load). Prints one line.
 */
public final class LibraryStartup {
  private LibraryStartup() {}

  /** An item of the catalogue, bound by Jackson through its getters and setters. */
  public static final class Item {
    private String name;
    private List<String> tags;
    private Map<String, Double> prices;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    public Map<String, Double> getPrices() {
      return prices;
    }

    public void setPrices(Map<String, Double> prices) {
      this.prices = prices;
    }
  }

  public static void main(String[] args) throws Exception {
    Multimap<String, String> tagsByItem = MultimapBuilder.treeKeys().arrayListValues().build();
    for (String line : Splitter.on(';').trimResults().split("tea: green, loose; cup: white; "
        + "pot: iron, large")) {
      List<String> parts = Splitter.on(':').trimResults().splitToList(line);
      tagsByItem.putAll(parts.get(0), Splitter.on(',').trimResults().split(parts.get(1)));
    }
    Cache<String, Item> cache = CacheBuilder.newBuilder().maximumSize(16).recordStats().build();
    ObjectMapper mapper = new ObjectMapper();
    DescriptiveStatistics statistics = new DescriptiveStatistics();
    StringBuilder out = new StringBuilder();
    for (String name : tagsByItem.keySet()) {
      Item item = new Item();
      item.setName(StringUtils.capitalize(name));
      item.setTags(ImmutableList.copyOf(tagsByItem.get(name)));
      item.setPrices(ImmutableSortedMap.of("EUR", 3.5 * name.length(), "USD", 3.8 * name.length()));
      String json = mapper.writeValueAsString(item);
      Item read = mapper.readValue(json, Item.class);
      JsonNode tree = mapper.readTree(json);
      cache.put(read.getName(), read);
      statistics.addValue(tree.get("prices").get("EUR").asDouble());
      out.append(ToStringBuilder.reflectionToString(read)).append(' ')
          .append(Hashing.sha256().hashString(json, StandardCharsets.UTF_8).toString(), 0, 8)
          .append(' ');
    }
    System.out.println(out.append(DateFormatUtils.ISO_8601_EXTENDED_DATE_FORMAT.format(0L))
        .append(" mean=").append(statistics.getMean()).append(" cached=").append(cache.size()));
  }
}
