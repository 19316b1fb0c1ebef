// amazon-sp-api 1.2.1 against AmazonSellingPartnerFake: sign in, page orders, read, write, and refresh an expired
// token, the way a test author points the client at the fake. AmazonParityTests starts and seeds the fake and passes
// its address, the credentials and the seeded data in AMAZON_* variables.
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { check, run, setting } from './lib/run.mjs';

const SellingPartner = createRequire(import.meta.url)('amazon-sp-api');

const fake = new URL(setting('AMAZON_FAKE_URL'));
const credentials = {
  SELLING_PARTNER_APP_CLIENT_ID: setting('AMAZON_CLIENT_ID'),
  SELLING_PARTNER_APP_CLIENT_SECRET: setting('AMAZON_CLIENT_SECRET'),
};
const refreshToken = setting('AMAZON_REFRESH_TOKEN');
const sellerId = setting('AMAZON_SELLER_ID');
const marketplaceId = setting('AMAZON_MARKETPLACE_ID');
const updatedAfter = setting('AMAZON_UPDATED_AFTER');
const orderCount = Number(setting('AMAZON_ORDER_COUNT'));
const shippableOrderId = setting('AMAZON_SHIPPABLE_ORDER_ID');
const sku = setting('AMAZON_SKU');
const expiredToken = setting('AMAZON_EXPIRED_ACCESS_TOKEN');

// The client calls https://api.amazon.com/auth/o2/token and https://sellingpartnerapi-<region>.amazon.com on port
// 443 with https.request (lib/Request.js) and takes no base address. Amazon's hosts go to the fake's plain-http
// loopback address instead; the request itself (method, path, headers, body) goes out unchanged.
const amazonHost = /^(api\.amazon\.com|(sandbox\.)?sellingpartnerapi-(eu|na|fe)\.amazon\.com)$/;
// Each request to Amazon's hosts is noted (path and headers as the client set them), so a check can see what went out.
const sent = [];
const httpsRequest = https.request;
https.request = (options, callback) => {
  if (!amazonHost.test(options.hostname)) {
    return httpsRequest(options, callback);
  }

  sent.push({ path: options.path, headers: options.headers ?? {} });
  return http.request({ ...options, agent: undefined, protocol: 'http:', hostname: fake.hostname, port: fake.port }, callback);
};
const header = (request, name) =>
  Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];

const client = (options = {}) =>
  new SellingPartner({
    region: 'eu',
    refresh_token: refreshToken,
    credentials,
    // The client reads listings from the oldest version that has the operation (2020-09-01 for patchListingsItem);
    // the fake serves 2021-08-01, as Amazon's current reference does.
    endpoints_versions: { listingsItems: '2021-08-01' },
    // Throttled calls would wait out a real restore rate (a minute for getOrders): fail instead.
    options: { auto_request_throttled: false },
    ...options,
  });

const seller = client();
let orders = [];

check('signs in: the token exchange posts JSON and the fake answers a bearer token', async () => {
  const before = sent.length;
  await seller.refreshAccessToken();
  assert.match(seller.access_token, /^Atza\|/);
  const exchange = sent.slice(before).find((request) => request.path.startsWith('/auth/o2/token'));
  assert.ok(exchange, `no token exchange among ${JSON.stringify(sent.slice(before).map((request) => request.path))}`);
  assert.match(String(header(exchange, 'content-type')), /^application\/json/);
});

check('a wrong client secret is refused with invalid_client, as LWA answers', async () => {
  const stranger = client({ credentials: { ...credentials, SELLING_PARTNER_APP_CLIENT_SECRET: 'not-the-secret' } });
  await assert.rejects(stranger.refreshAccessToken(), { code: 'invalid_client' });
});

check('getOrders pages with NextToken to the last page, each order once', async () => {
  // The next page is asked for with the NextToken and the same filters, as the Orders API reference says.
  const query = { MarketplaceIds: [marketplaceId], LastUpdatedAfter: updatedAfter, MaxResultsPerPage: 5 };
  let page = await seller.callAPI({ operation: 'orders.getOrders', query });
  let pages = 1;
  orders = [...page.Orders];
  while (page.NextToken) {
    page = await seller.callAPI({ operation: 'orders.getOrders', query: { ...query, NextToken: page.NextToken } });
    orders.push(...page.Orders);
    pages++;
  }

  assert.equal(pages, Math.ceil(orderCount / 5), `${pages} pages of ${orders.length} orders`);
  assert.equal(new Set(orders.map((order) => order.AmazonOrderId)).size, orderCount);
});

check('getOrders filters by a comma list of statuses', async () => {
  const page = await seller.callAPI({
    operation: 'orders.getOrders',
    query: { MarketplaceIds: [marketplaceId], LastUpdatedAfter: updatedAfter, OrderStatuses: ['Unshipped', 'Shipped'] },
  });
  assert.equal(page.Orders.length, orderCount);
});

check('getOrder reads one order', async () => {
  const order = await seller.callAPI({ operation: 'orders.getOrder', path: { orderId: shippableOrderId } });
  assert.equal(order.AmazonOrderId, shippableOrderId);
  assert.equal(order.OrderStatus, 'Unshipped');
  assert.equal(order.FulfillmentChannel, 'MFN');
});

let items = [];
check('getOrderItems reads the items of an order', async () => {
  const payload = await seller.callAPI({ operation: 'orders.getOrderItems', path: { orderId: shippableOrderId } });
  items = payload.OrderItems;
  assert.equal(payload.AmazonOrderId, shippableOrderId);
  assert.equal(items[0].SellerSKU, sku);
  assert.equal(typeof items[0].ItemPrice.Amount, 'string');
});

check('getListingsItem reads a listing whose SKU has a slash and a plus', async () => {
  const item = await seller.callAPI({
    operation: 'listingsItems.getListingsItem',
    path: { sellerId, sku },
    query: { marketplaceIds: [marketplaceId], includedData: ['summaries', 'fulfillmentAvailability'] },
  });
  assert.equal(item.sku, sku);
  assert.equal(item.summaries[0].marketplaceId, marketplaceId);
  assert.deepEqual(item.fulfillmentAvailability, [{ fulfillmentChannelCode: 'DEFAULT', quantity: 40 }]);
});

check('patchListingsItem sets the quantity, and getListingsItem reads it back', async () => {
  const answer = await seller.callAPI({
    operation: 'listingsItems.patchListingsItem',
    path: { sellerId, sku },
    query: { marketplaceIds: [marketplaceId] },
    body: {
      productType: 'PRODUCT',
      patches: [
        {
          op: 'replace',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }],
        },
      ],
    },
  });
  assert.equal(answer.status, 'ACCEPTED');
  assert.deepEqual(answer.issues, []);

  const item = await seller.callAPI({
    operation: 'listingsItems.getListingsItem',
    path: { sellerId, sku },
    query: { marketplaceIds: [marketplaceId], includedData: ['fulfillmentAvailability'] },
  });
  assert.equal(item.fulfillmentAvailability[0].quantity, 7);
});

// One purchasable_offer patch as the Listings Items use-case guide shows it, with the op of "Manage purchasable offer":
// the offer is named by its selectors (marketplace_id, currency, audience) and only what it names changes.
const patchOffer = (offer) =>
  seller.callAPI({
    operation: 'listingsItems.patchListingsItem',
    path: { sellerId, sku },
    query: { marketplaceIds: [marketplaceId] },
    body: { productType: 'PRODUCT', patches: [{ op: 'merge', path: '/attributes/purchasable_offer', value: [offer] }] },
  });
const offerAt = (currency, price) => ({ marketplace_id: marketplaceId, currency, audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: price }] }] });

check('patchListingsItem merges an offer price into purchasable_offer, and getListingsItem reads it in attributes and offers', async () => {
  const answer = await patchOffer(offerAt('EUR', 24.9));
  assert.equal(answer.status, 'ACCEPTED');

  const item = await seller.callAPI({
    operation: 'listingsItems.getListingsItem',
    path: { sellerId, sku },
    query: { marketplaceIds: [marketplaceId], includedData: ['attributes', 'offers'] },
  });
  assert.deepEqual(item.attributes.purchasable_offer, [offerAt('EUR', 24.9)]);
  assert.deepEqual(item.offers, [{ marketplaceId, offerType: 'B2C', price: { currencyCode: 'EUR', amount: '24.90' } }]);
});

check('a price in another currency than the marketplace sells in is INVALID with an issue on purchasable_offer', async () => {
  const answer = await patchOffer(offerAt('GBP', 20));
  assert.equal(answer.status, 'INVALID');
  assert.deepEqual(answer.issues.map((issue) => [issue.code, issue.attributeNames]), [['INVALID_CURRENCY', ['purchasable_offer']]]);
});

check("the client's default listings version (2020-09-01) is answered 404 naming the version the fake serves", async () => {
  const oldVersion = client({ access_token: seller.access_token, endpoints_versions: {} });
  await assert.rejects(
    oldVersion.callAPI({
      operation: 'listingsItems.patchListingsItem',
      path: { sellerId, sku },
      query: { marketplaceIds: [marketplaceId] },
      body: { productType: 'PRODUCT', patches: [] },
    }),
    (error) => error.code === 'ResourceNotFound' && /version 2021-08-01 only, not 2020-09-01/.test(error.details),
  );
});

check('confirmShipment ships the order with a tracking number (204, which the client reports as success)', async () => {
  const answer = await seller.callAPI({
    operation: 'orders.confirmShipment',
    path: { orderId: shippableOrderId },
    body: {
      marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'DHL',
        trackingNumber: '00340434161094042557',
        shipDate: '2026-11-02T10:00:00Z',
        orderItems: items.map((item) => ({ orderItemId: item.OrderItemId, quantity: item.QuantityOrdered })),
      },
    },
  });
  assert.deepEqual(answer, { success: true });
});

check('an expired access token is refreshed once and the call goes through', async () => {
  const returning = client({ access_token: expiredToken });
  const order = await returning.callAPI({ operation: 'orders.getOrder', path: { orderId: shippableOrderId } });
  assert.equal(order.OrderStatus, 'Shipped');
  assert.notEqual(returning.access_token, expiredToken);
});

check('an access token the fake never issued is refused in Amazon words, and not refreshed', async () => {
  const forger = client({ access_token: 'Atza|NeverIssued' });
  await assert.rejects(forger.callAPI({ operation: 'orders.getOrder', path: { orderId: shippableOrderId } }), {
    code: 'Unauthorized',
    details: 'The access token you provided is revoked, malformed or invalid.',
  });
  assert.equal(forger.access_token, 'Atza|NeverIssued');
});

await run('amazon-sp-api 1.2.1');
