// `semver/functions/satisfies` for the extension host's bundle (see semver.cjs).
module.exports = require('./semver.cjs').satisfies;
