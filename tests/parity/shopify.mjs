// Parity: Shopify's published Admin API client (@shopify/admin-api-client 2.0.0) against the Shopify fake.
// It signs in with its access-token header, pages orders with cursors, reads a multi-root query with aliases,
// fragments and variables, and writes as the SDK's adapter does: inventorySetQuantities and
// inventoryAdjustQuantities with changeFromQuantity and @idempotent, productVariantsBulkUpdate with price and
// compareAtPrice, and fulfillmentCreate with tracking.
import assert from 'node:assert/strict';
import { createAdminApiClient } from '@shopify/admin-api-client';
import { check, run, setting } from './lib/run.mjs';

const base = new URL(setting('SHOPIFY_BASE_ADDRESS'));
const token = setting('SHOPIFY_ACCESS_TOKEN');
const apiVersion = setting('SHOPIFY_API_VERSION');
const orderCount = Number(setting('SHOPIFY_ORDER_COUNT'));
const fulfilOrder = setting('SHOPIFY_FULFIL_ORDER');
const locationId = setting('SHOPIFY_LOCATION_ID');

// The client always speaks https to the store's domain; its documented customFetchApi hook lets it reach the
// fake, which listens on plain http on loopback.
const overHttp = (url, init) => fetch(String(url).replace(/^https:/, 'http:'), init);
const logs = [];
const connect = (accessToken) => createAdminApiClient({
  storeDomain: base.host,
  apiVersion,
  accessToken,
  customFetchApi: overHttp,
  logger: (entry) => logs.push(entry),
});
const client = connect(token);

async function data(operation, variables) {
  const { data: answer, errors } = await client.request(operation, { variables });
  assert.equal(errors, undefined, `the fake answered errors: ${JSON.stringify(errors?.graphQLErrors ?? errors?.message)}`);
  return answer;
}

async function available(sku) {
  const answer = await data(
    `query Level($sku: String!, $location: ID!) {
      productVariants(first: 1, query: $sku) { nodes { inventoryItem { id inventoryLevel(locationId: $location) { quantities(names: ["available"]) { quantity } } } } }
    }`,
    { sku: `sku:${sku}`, location: locationId });
  const item = answer.productVariants.nodes[0].inventoryItem;
  return { itemId: item.id, quantity: item.inventoryLevel.quantities[0].quantity };
}

check('signs in with the X-Shopify-Access-Token header', async () => {
  const answer = await data('query { shop { name myshopifyDomain } }');
  assert.equal(typeof answer.shop.name, 'string');
  assert.match(answer.shop.myshopifyDomain, /\.myshopify\.com$/);
});

check('a wrong access token is refused with 401', async () => {
  const { errors } = await connect('shpat_wrong').request('query { shop { name } }');
  assert.equal(errors.networkStatusCode, 401);
});

check('every answer names its API version in X-Shopify-API-Version', async () => {
  const response = await client.fetch('query { shop { name } }');
  assert.equal(response.headers.get('x-shopify-api-version'), apiVersion);
});

check('pages through every order with cursors', async () => {
  const names = [];
  let after = null;
  let pages = 0;
  do {
    const { orders } = await data(
      `query Orders($after: String) {
        orders(first: 3, after: $after, sortKey: UPDATED_AT) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
      }`,
      { after });
    names.push(...orders.edges.map((edge) => edge.node.name));
    assert.equal(orders.pageInfo.endCursor, orders.edges.at(-1)?.cursor ?? null);
    after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
    pages++;
  } while (after !== null && pages < 100);
  assert.equal(names.length, orderCount);
  assert.equal(new Set(names).size, orderCount);
  assert.equal(pages, Math.ceil(orderCount / 3));
});

check('reads a multi-root query with aliases, fragments, variables, defaults and directives', async () => {
  const { data: answer, errors, extensions } = await client.request(
    `query Overview($sku: String!, $recent: Int = 2, $withLevels: Boolean!) {
      store: shop { ...ShopFields }
      shirt: productVariants(first: 1, query: $sku) { nodes { ...VariantFields } }
      recent: orders(first: $recent, reverse: true) { nodes { number: name __typename } }
    }
    fragment ShopFields on Shop { title: name currencyCode }
    fragment VariantFields on ProductVariant {
      code: sku
      product { title hasOnlyDefaultVariant }
      inventoryItem { id levels: inventoryLevels(first: 1) @include(if: $withLevels) { nodes { quantities(names: ["available"]) { name quantity } } } }
    }`,
    { variables: { sku: 'sku:SHIRT-M', withLevels: true } });
  assert.equal(errors, undefined, JSON.stringify(errors?.graphQLErrors));
  assert.deepEqual(Object.keys(answer), ['store', 'shirt', 'recent']);
  assert.deepEqual(Object.keys(answer.store), ['title', 'currencyCode']);
  const shirt = answer.shirt.nodes[0];
  assert.equal(shirt.code, 'SHIRT-M');
  assert.equal(shirt.product.hasOnlyDefaultVariant, false);
  assert.equal(shirt.inventoryItem.levels.nodes[0].quantities[0].name, 'available');
  assert.equal(answer.recent.nodes.length, 2);
  answer.recent.nodes.forEach((node) => assert.deepEqual(node, { number: node.number, __typename: 'Order' }));
  // Requested: shop 1; productVariants 2 + 1 variant × (itself 1, product 1, inventoryItem 1, inventoryLevels 2 + 1 level ×
  // (itself 1, quantities 1)) = 9; orders 2 + 2 orders × 1 = 4. Every page is full, so the actual cost is the same.
  const cost = extensions.cost;
  assert.deepEqual([cost.requestedQueryCost, cost.actualQueryCost], [14, 14], JSON.stringify(cost));
  assert.equal(typeof cost.throttleStatus.currentlyAvailable, 'number');
});

check('an unknown field is refused with Shopify\'s undefinedField error and no data', async () => {
  const { data: answer, errors } = await client.request('query { shop { name colour } }');
  assert.equal(answer, undefined);
  const [error] = errors.graphQLErrors;
  assert.equal(error.message, "Field 'colour' doesn't exist on type 'Shop'");
  assert.equal(error.extensions.code, 'undefinedField');
  assert.deepEqual(error.path, ['query', 'shop', 'colour']);
});

check('sets a quantity with changeFromQuantity under an idempotency key, once', async () => {
  const before = await available('SHIRT-M');
  const operation = `mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } userErrors { field message code } }
  }`;
  const variables = {
    key: 'parity-set-1',
    input: {
      name: 'available',
      reason: 'correction',
      quantities: [{ inventoryItemId: before.itemId, locationId, quantity: before.quantity + 5, changeFromQuantity: before.quantity }],
    },
  };
  const first = await data(operation, variables);
  const again = await data(operation, variables);
  assert.deepEqual(first.inventorySetQuantities.userErrors, []);
  assert.deepEqual(again, first);
  assert.equal((await available('SHIRT-M')).quantity, before.quantity + 5);
});

check('a stale changeFromQuantity is the user error CHANGE_FROM_QUANTITY_STALE', async () => {
  const before = await available('SHIRT-S');
  const answer = await data(
    `mutation SetStock($input: InventorySetQuantitiesInput!) {
      inventorySetQuantities(input: $input) @idempotent(key: "parity-stale") { userErrors { field code } }
    }`,
    { input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: before.itemId, locationId, quantity: 1, changeFromQuantity: before.quantity + 1 }] } });
  assert.equal(answer.inventorySetQuantities.userErrors[0].code, 'CHANGE_FROM_QUANTITY_STALE');
  assert.equal((await available('SHIRT-S')).quantity, before.quantity);
});

check('adjusts a quantity by a delta', async () => {
  const before = await available('SHIRT-L');
  const answer = await data(
    `mutation Adjust($input: InventoryAdjustQuantitiesInput!) {
      inventoryAdjustQuantities(input: $input) @idempotent(key: "parity-adjust-1") {
        inventoryAdjustmentGroup { changes { name delta quantityAfterChange } }
        userErrors { field message code }
      }
    }`,
    { input: { name: 'available', reason: 'received', changes: [{ inventoryItemId: before.itemId, locationId, delta: 4, changeFromQuantity: before.quantity }] } });
  assert.deepEqual(answer.inventoryAdjustQuantities.userErrors, []);
  assert.deepEqual(answer.inventoryAdjustQuantities.inventoryAdjustmentGroup.changes, [{ name: 'available', delta: 4, quantityAfterChange: before.quantity + 4 }]);
  assert.equal((await available('SHIRT-L')).quantity, before.quantity + 4);
});

check('sets variant prices with productVariantsBulkUpdate and reads them back, a compare-at price cleared with null', async () => {
  const { productVariants } = await data(
    `query Variant($sku: String!) { productVariants(first: 1, query: $sku) { nodes { id price compareAtPrice product { id } } } }`,
    { sku: 'sku:SHIRT-L' });
  const [variant] = productVariants.nodes;
  const operation = `mutation SetPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      productVariants { id price compareAtPrice }
      userErrors { field message code }
    }
  }`;
  const set = await data(operation, { productId: variant.product.id, variants: [{ id: variant.id, price: '24.90', compareAtPrice: '29.90' }] });
  assert.deepEqual(set.productVariantsBulkUpdate.userErrors, []);
  assert.deepEqual(set.productVariantsBulkUpdate.productVariants, [{ id: variant.id, price: '24.90', compareAtPrice: '29.90' }]);
  const cleared = await data(operation, { productId: variant.product.id, variants: [{ id: variant.id, price: '22.90', compareAtPrice: null }] });
  assert.deepEqual(cleared.productVariantsBulkUpdate.userErrors, []);
  const { productVariant } = await data('query Price($id: ID!) { productVariant(id: $id) { price compareAtPrice } }', { id: variant.id });
  assert.deepEqual(productVariant, { price: '22.90', compareAtPrice: null });
});

check('a negative price is the user error GREATER_THAN_OR_EQUAL_TO on its variant, and nothing is applied', async () => {
  const { productVariants } = await data(
    `query Variants { productVariants(first: 2, query: "sku:SHIRT-S") { nodes { id price product { id } } } }`);
  const [variant] = productVariants.nodes;
  const answer = await data(
    `mutation SetPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id } userErrors { field code } }
    }`,
    { productId: variant.product.id, variants: [{ id: variant.id, price: '-1.00' }] });
  assert.deepEqual(answer.productVariantsBulkUpdate.userErrors, [{ field: ['variants', '0', 'price'], code: 'GREATER_THAN_OR_EQUAL_TO' }]);
  assert.equal(answer.productVariantsBulkUpdate.productVariants, null);
  const { productVariant } = await data('query Price($id: ID!) { productVariant(id: $id) { price } }', { id: variant.id });
  assert.equal(productVariant.price, variant.price);
});

check('creates a fulfillment with tracking for what remains on the order', async () => {
  const { orders } = await data(
    `query Order($query: String!) {
      orders(first: 1, query: $query) { nodes { id fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity } } } } } }
    }`,
    { query: `name:#${fulfilOrder}` });
  const [fulfillmentOrder] = orders.nodes[0].fulfillmentOrders.nodes;
  assert.equal(fulfillmentOrder.status, 'OPEN');
  const created = await data(
    `mutation Fulfil($fulfillment: FulfillmentInput!) {
      fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status trackingInfo { number company url } } userErrors { field message } }
    }`,
    {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{
          fulfillmentOrderId: fulfillmentOrder.id,
          fulfillmentOrderLineItems: fulfillmentOrder.lineItems.nodes.map((line) => ({ id: line.id, quantity: line.remainingQuantity })),
        }],
        trackingInfo: { number: '1Z999AA10123456784', company: 'UPS', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' },
        notifyCustomer: false,
      },
    });
  assert.deepEqual(created.fulfillmentCreate.userErrors, []);
  assert.equal(created.fulfillmentCreate.fulfillment.trackingInfo[0].number, '1Z999AA10123456784');
  const after = await data('query Order($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments(first: 5) { trackingInfo { number } } } }', { id: orders.nodes[0].id });
  assert.equal(after.order.displayFulfillmentStatus, 'FULFILLED');
  assert.equal(after.order.fulfillments.length, 1);
});

await run('@shopify/admin-api-client 2.0.0');
