"""--paging: the location searches page in full (the default) or as the walkthrough documents: at most 50
a bounding box, hasMoreData and a continuationToken that leads nowhere. Sent back, that token gets the
first page again (documented), an empty last page (documented-empty) or a 400 (documented-refuse).
Lists that are not location searches page in full whatever the mode. Bodies are checked against the
OpenAPI description's schemas."""
import os
import unittest
import uuid

from ..support.openapi_check import OPENAPI, OpenApi
from ..support.server_process import MARGA, Driver, ServerProcess

# Amsterdam and Almere: hundreds of locations in the seed area alone, so more than one page of 50.
BUSY_BOX = "bottomLeftLat=52.30&bottomLeftLng=4.80&topRightLat=52.45&topRightLng=5.35"
# A few hundred metres around Marga: a handful of locations, one page.
QUIET_BOX = "bottomLeftLat=52.376&bottomLeftLng=5.215&topRightLat=52.378&topRightLng=5.218"
BOX_PATHS = ("/locations/boundingbox", "/v2.1/locations/boundingbox")


def ids(body):
    return [d.get("id") or d.get("locationId") for d in body["data"]]


class PagingChecks:
    """What a test of one paging mode shares: its server and a schema check on every answer."""
    mode = None
    sim_data = "seed"

    @classmethod
    def setUpClass(cls):
        cls.spec = OpenApi() if OPENAPI.exists() else None
        cls.server = ServerProcess(time_scale=60, sim_data=cls.sim_data, args=["--paging", cls.mode]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server._tmp.cleanup()

    def get(self, path, token=None):
        status, body = self.server.api("GET", path, headers={"continuationToken": token} if token else None)
        if self.spec is not None and status in (200, 400):
            _, operation = self.spec.operation("GET", path.split("?")[0])
            _, schema = self.spec.response_schema(operation, status)
            self.assertEqual(self.spec.errors(body, schema), [], f"{path} -> {status}")
        return status, body

    def first_page(self, path):
        status, body = self.get(path)
        self.assertEqual(status, 200, body)
        meta = body["meta"]
        self.assertEqual(meta["count"], len(body["data"]))
        self.assertTrue(meta["hasMoreData"])
        self.assertIsInstance(meta.get("continuationToken"), str)
        self.assertTrue(meta["continuationToken"])
        return body

    def test_a_bounding_box_gives_at_most_fifty_and_says_there_is_more(self):
        for path in BOX_PATHS:
            with self.subTest(path=path):
                # pageSize up to 100 is accepted; the box still gives 50 ("maximum results: 50")
                body = self.first_page(f"{path}?{BUSY_BOX}&pageSize=100")
                self.assertEqual(body["meta"]["count"], 50)
                self.assertEqual(len(set(ids(body))), 50)
                # a box that fits in one page says so and gives no token
                status, body = self.get(f"{path}?{QUIET_BOX}")
                self.assertEqual(status, 200)
                self.assertIn(MARGA, ids(body))
                self.assertLess(body["meta"]["count"], 50)
                self.assertFalse(body["meta"]["hasMoreData"])
                self.assertNotIn("continuationToken", body["meta"])


class DocumentedPagingTest(PagingChecks, unittest.TestCase):
    """The default of the documented modes, on the country-wide network."""
    mode = "documented"
    sim_data = "full"

    def test_the_token_sent_back_gets_the_first_page_again(self):
        for path in BOX_PATHS:
            with self.subTest(path=path):
                first = self.first_page(f"{path}?{BUSY_BOX}")
                token = first["meta"]["continuationToken"]
                for _ in range(3):
                    status, again = self.get(f"{path}?{BUSY_BOX}", token)
                    self.assertEqual(status, 200)
                    self.assertEqual(ids(again), ids(first))
                    self.assertEqual(again["meta"], first["meta"])  # more, and the same token again
                    token = again["meta"]["continuationToken"]
                # the header is not read at all: a token of nothing changes nothing either
                status, again = self.get(f"{path}?{BUSY_BOX}", "garbage!")
                self.assertEqual((status, ids(again)), (200, ids(first)))

    def test_search_and_the_minimal_box_lead_nowhere_alike(self):
        for path in ("/locations/search?q=amsterdam&pageSize=10", "/v2.1/locations/search?q=almere&pageSize=10",
                     f"/locations/boundingbox-minimal?{BUSY_BOX}&pageSize=100",
                     f"/v2.1/locations/boundingbox-minimal?{BUSY_BOX}&pageSize=100"):
            with self.subTest(path=path):
                first = self.first_page(path)
                status, again = self.get(path, first["meta"]["continuationToken"])
                self.assertEqual(status, 200)
                self.assertEqual(ids(again), ids(first))

    def test_lists_that_are_not_location_searches_page_in_full(self):
        # the country-wide network's private places are open to any registered driver
        driver = Driver(self.server, "paging-" + uuid.uuid4().hex[:8])
        driver.register()
        seen, token = [], None
        for _ in range(100):
            status, body = self.get(f"/privatelocations/{driver.token}?pageSize=1", token)
            self.assertEqual(status, 200, body)
            seen += ids(body)
            if not body["meta"]["hasMoreData"]:
                break
            token = body["meta"]["continuationToken"]
        self.assertGreater(len(seen), 1, "more than one page of private locations")
        self.assertEqual(len(seen), len(set(seen)))

    def test_a_whole_country_is_still_fifty(self):
        nl = "bottomLeftLat=50.75&bottomLeftLng=3.35&topRightLat=53.55&topRightLng=7.23"
        body = self.first_page(f"/locations/boundingbox?{nl}")
        self.assertEqual(body["meta"]["count"], 50)


class EmptyAfterTheFirstPageTest(PagingChecks, unittest.TestCase):
    mode = "documented-empty"

    def test_the_token_sent_back_gets_an_empty_last_page(self):
        for path in BOX_PATHS + ("/locations/search?q=amsterdam&pageSize=10",):
            with self.subTest(path=path):
                query = path if "?" in path else f"{path}?{BUSY_BOX}"
                first = self.first_page(query)
                status, body = self.get(query, first["meta"]["continuationToken"])
                self.assertEqual(status, 200)
                self.assertEqual(body["data"], [])
                self.assertEqual(body["meta"], {"count": 0, "hasMoreData": False})
                # a token of another query, or of nothing, is refused as in full paging
                self.assertEqual(self.get(query, "garbage!")[0], 400)


class RefusedAfterTheFirstPageTest(PagingChecks, unittest.TestCase):
    mode = "documented-refuse"

    def test_the_token_sent_back_is_refused(self):
        for path in BOX_PATHS:
            with self.subTest(path=path):
                first = self.first_page(f"{path}?{BUSY_BOX}")
                status, body = self.get(f"{path}?{BUSY_BOX}", first["meta"]["continuationToken"])
                self.assertEqual(status, 400)
                self.assertEqual(body["validationMessages"][0]["code"], "INVALID_CONTINUATION_TOKEN")
                # the first page itself is answered as always
                status, again = self.get(f"{path}?{BUSY_BOX}")
                self.assertEqual((status, ids(again)), (200, ids(first)))


class PagingOptionTest(unittest.TestCase):
    def refused(self, args, env=None):
        server = ServerProcess(args=args, env=env)
        try:
            with self.assertRaises(RuntimeError):
                server.start()
            self.assertIn("--paging", server.stderr())
        finally:
            server._tmp.cleanup()

    def test_an_unknown_mode_does_not_start(self):
        self.refused(["--paging", "partial"])

    def test_a_documented_mode_is_for_the_simulator_not_the_proxy(self):
        self.refused(["--paging", "documented", "--upstream", "http://127.0.0.1:9"],
                     env={**os.environ, "CHARGE_ASSIST_API_KEY": "test-key"})


if __name__ == "__main__":
    unittest.main()
