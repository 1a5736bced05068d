package dev.kdnet.host.load.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The report's markup parsed as XML (it is written to be well-formed), queried with XPath: lets tests count and read
 * elements instead of matching text.
 */
public final class ParsedMarkup {
    private final Document document;

    private ParsedMarkup(Document document) {
        this.document = document;
    }

    /** Parses markup; fails the test when it is not well-formed. */
    public static ParsedMarkup of(String markup) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new ParsedMarkup(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed markup: " + e.getMessage(), e);
        }
    }

    /** How many nodes the XPath expression selects. */
    public int count(String xpath) {
        return nodes(xpath).getLength();
    }

    /** The text (or attribute value) of each node the expression selects, in document order. */
    public List<String> texts(String xpath) {
        NodeList nodes = nodes(xpath);
        List<String> texts = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The numbers in the nodes the expression selects, e.g. {@code //circle/@cx}. */
    public List<Double> numbers(String xpath) {
        return texts(xpath).stream().map(Double::valueOf).toList();
    }

    private NodeList nodes(String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new AssertionError("bad XPath " + xpath + ": " + e.getMessage(), e);
        }
    }
}
