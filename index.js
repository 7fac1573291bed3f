// Not an entry point: n8n loads the nodes and credentials listed in package.json#n8n from dist/.
// Kept at the top level as the product brief fixes it; it is not published (see package.json#files).
module.exports = {};
