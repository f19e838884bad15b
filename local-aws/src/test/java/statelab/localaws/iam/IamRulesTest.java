package statelab.localaws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;
import statelab.localaws.protocol.QueryParams;

class IamRulesTest {

    @Test
    void documentsAreUrlEncodedWithPercentTwentyForSpacesAsIamDoes() {
        assertEquals("%7B%22a%22%3A%20%22b%20c%22%7D", IamRules.urlEncode("{\"a\": \"b c\"}"));
    }

    @Test
    void aDocumentSentUrlEncodedIsStoredDecoded() {
        String doc = "{\"Statement\":[]}";
        assertEquals(doc, IamRules.policyDocument(new QueryParams(Map.of("D", IamRules.urlEncode(doc))), "D"));
        assertEquals(doc, IamRules.policyDocument(new QueryParams(Map.of("D", doc)), "D"));
    }

    @Test
    void aDocumentThatIsNotAJsonObjectWithStatementsIsMalformed() {
        for (String bad : List.of("not json", "[1,2]", "{\"Version\":\"2012-10-17\"}")) {
            AwsException e = assertThrows(AwsException.class,
                    () -> IamRules.policyDocument(new QueryParams(Map.of("D", bad)), "D"));
            assertEquals("MalformedPolicyDocument", e.code(), bad);
        }
    }

    @Test
    void uniqueIdsHaveAwsShape() {
        String id = IamRules.uniqueId("AROA");
        assertEquals(21, id.length());
        assertTrue(id.matches("AROA[A-Z2-7]{17}"), id);
    }

    @Test
    void namesAndPathsAreCheckedAsIamChecksThem() {
        assertEquals("ok_name+=,.@-", IamRules.name(new QueryParams(Map.of("RoleName", "ok_name+=,.@-")), "RoleName", 64));
        assertThrows(AwsException.class, () -> IamRules.name(new QueryParams(Map.of("RoleName", "a/b")), "RoleName", 64));
        assertThrows(AwsException.class, () -> IamRules.name(new QueryParams(Map.of("RoleName", "x".repeat(65))),
                "RoleName", 64));
        assertEquals("/a/b/", IamRules.path(new QueryParams(Map.of("Path", "/a/b/"))));
        assertEquals("/", IamRules.path(new QueryParams(Map.of())));
        assertThrows(AwsException.class, () -> IamRules.path(new QueryParams(Map.of("Path", "a/"))));
    }

    @Test
    void tagsSetOverExistingOnesByKeyUpToFifty() {
        List<IamRole.Tag> merged = IamRules.merge(List.of(new IamRole.Tag("a", "1"), new IamRole.Tag("b", "2")),
                List.of(new IamRole.Tag("a", "3")));
        assertEquals(List.of(new IamRole.Tag("b", "2"), new IamRole.Tag("a", "3")), merged);
        List<IamRole.Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i <= IamRules.MAX_TAGS; i++) {
            many.add(new IamRole.Tag("k" + i, "v"));
        }
        assertThrows(AwsException.class, () -> IamRules.merge(List.of(), many));
    }

    @Test
    void pagesContinueAfterTheMarker() {
        List<String> names = List.of("a", "b", "c", "d", "e");
        Paging.Page<String> first = Paging.page(names, n -> n, null, 2);
        assertEquals(List.of("a", "b"), first.items());
        assertEquals("b", first.nextMarker());
        Paging.Page<String> last = Paging.page(names, n -> n, "d", 2);
        assertEquals(List.of("e"), last.items());
        assertEquals(null, last.nextMarker());
    }
}
