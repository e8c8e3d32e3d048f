package org.needlepoint.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Every launcher runs the app with the same JVM options: pom.xml's property is their one source. */
class JvmOptionsTest {

    @Test
    void theCodeSeesThePomPropertyThroughTheFilteredResource() throws Exception {
        Document pom = pom();
        String property = child(child(pom.getDocumentElement(), "properties"), "needlepoint.jvm.options").getTextContent();
        List<String> fromPom = Arrays.asList(property.strip().split("\\s+"));

        assertThat(JvmOptions.list()).isNotEmpty().containsExactlyElementsOf(fromPom);
    }

    @Test
    void theServersHeapComesAfterTheAppsOptionsAndWinsOverThem() throws Exception {
        String property = child(child(pom().getDocumentElement(), "properties"), "needlepoint.server.jvm.options")
                .getTextContent();
        assertThat(JvmOptions.server()).isNotEmpty().containsExactlyElementsOf(Arrays.asList(property.strip().split("\\s+")));
        // the later of two options wins: the server's heap is larger than the app's, its young generation set
        assertThat(JvmOptions.server()).contains("-Xmx512m", "-Xms256m").anyMatch(o -> o.startsWith("-Xmn"));
        assertThat(JvmOptions.list()).contains("-Xmx256m", "-Xms64m");
    }

    @Test
    void javafxRunPassesExactlyTheProperty() throws Exception {
        Element plugin = null;
        NodeList plugins = pom().getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            if ("javafx-maven-plugin".equals(child(p, "artifactId").getTextContent())) {
                plugin = p;
            }
        }
        assertThat(plugin).as("javafx-maven-plugin in pom.xml").isNotNull();
        List<String> options = new ArrayList<>();
        NodeList list = child(child(plugin, "configuration"), "options").getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e) {
                options.add(e.getTextContent().strip());
            }
        }
        assertThat(options).containsExactly("${needlepoint.jvm.options}");
    }

    private static Document pom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
