package dev.foldline.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The repository's {@code template.yaml}, parsed. CloudFormation's short-form tags become their
 * long form, as CloudFormation reads them: {@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B}
 * is {@code {Fn::GetAtt: A.B}}, {@code !Sub s} is {@code {Fn::Sub: s}}.
 */
final class SamTemplate {

    static final Path FILE = Path.of("").toAbsolutePath().getParent().resolve("template.yaml");
    static final String FUNCTION = "AWS::Serverless::Function";

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SamTemplate parse(String yaml) {
        return new SamTemplate(map(new Yaml(new IntrinsicFunctions()).load(yaml)));
    }

    Map<String, Object> parameters() {
        return map(root.get("Parameters"));
    }

    Map<String, Object> resource(String name) {
        return map(map(root.get("Resources")).get(name));
    }

    /** The properties of every resource of the type, by logical id. */
    Map<String, Map<String, Object>> properties(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((name, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(name, map(map(resource).get("Properties")));
            }
        });
        return found;
    }

    /** A function's own property, else the one from {@code Globals.Function}, else null. */
    Object functionProperty(Map<String, Object> function, String name) {
        if (function.containsKey(name)) {
            return function.get(name);
        }
        return map(map(root.get("Globals")).get("Function")).get(name);
    }

    /** Follows keys from a node; a missing key yields null. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    static Map<String, Object> getAtt(String attribute) {
        return Map.of("Fn::GetAtt", attribute);
    }

    /** Any tag this constructor does not know, as SnakeYAML would refuse it, is read as an intrinsic function. */
    private static final class IntrinsicFunctions extends SafeConstructor {
        IntrinsicFunctions() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String function = node.getTag().getValue().substring(1);
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return Map.of(function.equals("Ref") ? "Ref" : "Fn::" + function, argument);
            }
        }
    }
}
