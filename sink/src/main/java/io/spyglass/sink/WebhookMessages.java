package io.spyglass.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spyglass.model.Country;
import io.spyglass.model.Json;
import io.spyglass.model.Story;
import java.util.List;
import java.util.stream.Collectors;

/** The bodies the webhook sink posts: pure functions of a story. */
final class WebhookMessages {

    private WebhookMessages() {
    }

    /**
     * A Slack-compatible message ({@code {"text": ...}} with mrkdwn): what is new, who is blamed, who was hit, and
     * the links of the sources.
     */
    static String slack(Story story) {
        if (story.mergedInto() != null) {
            // its sources went to the other story, whose update is posted too: one line, no repeat of the sources
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("text", ":link: *Story merged* into story " + story.mergedInto() + ", which has its "
                    + story.sources().size() + " sources: " + escape(story.title()));
            return body.toString();
        }
        StringBuilder text = new StringBuilder();
        text.append(story.version() == 1 ? ":satellite_antenna: *New espionage story*: " : ":satellite_antenna: *Story update* (")
                .append(story.version() == 1 ? "" : story.sources().size() + " sources): ")
                .append(escape(story.title())).append('\n');
        if (!story.tags().attributed().isEmpty()) {
            text.append("Attributed to: ").append(names(story.tags().attributed())).append('\n');
        }
        if (!story.tags().victims().isEmpty()) {
            text.append("Victims: ").append(names(story.tags().victims())).append('\n');
        }
        story.sources().forEach(s -> text.append("• <").append(s.url()).append('|').append(escape(s.outlet())).append(">\n"));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("text", text.toString().strip());
        return body.toString();
    }

    private static String names(List<Country> countries) {
        return countries.stream().map(Country::name).collect(Collectors.joining(", "));
    }

    /** Slack's three control characters in mrkdwn text. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
