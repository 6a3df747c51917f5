// Things that must hold whatever the data: the sign-in link leaves no key behind, a bad key is
// refused with the server's message, and instructions can't smuggle HTML except a Google Docs embed.
import { expect, test } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

test("a #key= link signs in and removes the key from the address bar", async ({ page }) => {
  await page.goto(`/settings#key=${LIVE_KEY}`);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect(page.url()).not.toContain(LIVE_KEY);
  await expect(page.getByTestId("mode-badge")).toContainText("Live mode");
});

test("a wrong key is refused on the sign-in screen", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("API key").fill("live_not_a_real_key");
  await page.getByRole("button", { name: "Sign in with the key" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
});

test("instructions render markdown but only Google Docs iframes survive", async ({ page, request }) => {
  const response = await request.post("/v1/task/categorization", {
    headers: auth(LIVE_KEY),
    data: {
      callback_url: "http://127.0.0.1:9/callback",
      instruction:
        '# Heading\n\n<iframe src="https://docs.google.com/document/d/e/x/pub?embedded=true"></iframe>' +
        '<iframe src="https://evil.example.com/"></iframe><img src=x onerror="window.__xss=1"><script>window.__xss=1</script>',
      attachment_type: "text",
      attachment: "safety check",
      categories: ["a", "b"],
    },
  });
  expect(response.ok()).toBeTruthy();
  const { task_id } = (await response.json()) as { task_id: string };
  await page.goto(`/tasks/${task_id}#key=${LIVE_KEY}`);
  const instruction = page.getByTestId("instruction");
  await expect(instruction.getByRole("heading", { name: "Heading" })).toBeVisible();
  await expect(instruction.locator("iframe")).toHaveCount(1);
  await expect(instruction.locator("iframe")).toHaveAttribute("src", /^https:\/\/docs\.google\.com\//);
  await expect(instruction.locator("script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
