(function () {
    "use strict";
    // A page sent back with mistakes: focus goes to the summary of them, so keyboard and screen-reader users start there
    // and its links take them to each field (as the Portal does).
    var summary = document.querySelector(".error-summary");
    if (summary) {
        summary.focus();
    }
})();
