// `semver/functions/parse` for the extension host's bundle (see semver.cjs).
module.exports = require('./semver.cjs').parse;
