// Progressive enhancement of the display and cookie controls: without this file the forms post and redirect back;
// with it the change shows at once and the same form is posted in the background.
(function () {
    "use strict";
    var root = document.documentElement;

    function post(form, submitter) {
        var data = new FormData(form);
        if (submitter && submitter.name) {
            data.append(submitter.name, submitter.value);
        }
        return fetch(form.action, { method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
    }

    function setFont(scale) {
        root.className = root.className.replace(/\bfont-\d+\b/g, "").trim();
        root.classList.add("font-" + scale);
        document.querySelectorAll("form[data-preference=font] button").forEach(function (button) {
            button.setAttribute("aria-pressed", button.value === String(scale) ? "true" : "false");
        });
    }

    function setContrast(high) {
        root.classList.toggle("contrast-high", high);
        var form = document.querySelector("form[data-preference=contrast]");
        if (form) {
            form.querySelector("button").setAttribute("aria-pressed", high ? "true" : "false");
            form.querySelector("input[name=contrast]").value = high ? "normal" : "high";
        }
    }

    var handlers = {
        font: function (form, submitter) { setFont(submitter.value); },
        contrast: function (form) { setContrast(form.querySelector("input[name=contrast]").value === "high"); },
        reset: function () { setFont(100); setContrast(false); },
        // The banner's question gives way to the confirmation of the choice made, which takes the focus (GOV.UK's pattern).
        consent: function (form, submitter) {
            var banner = form.closest("[data-consent-banner]");
            var done = banner && banner.querySelector("[data-consent-done=" + (submitter.value === "accepted" ? "accepted" : "rejected") + "]");
            if (!done) {
                return;
            }
            banner.querySelector("[data-consent-question]").hidden = true;
            done.hidden = false;
            done.focus();
        },
        "hide-consent": function (form) {
            var banner = form.closest("[data-consent-banner]");
            if (banner) {
                banner.hidden = true;
            }
        }
    };

    document.addEventListener("submit", function (event) {
        var form = event.target;
        var handler = handlers[form.getAttribute("data-preference")];
        if (!handler || !window.fetch) {
            return;
        }
        event.preventDefault();
        var submitter = event.submitter || form.querySelector("button[type=submit]");
        var request = post(form, submitter);
        handler(form, submitter);
        request.then(function (response) {
            if (!response.ok) {
                window.location.reload();
            }
        });
    });

    // A page sent back with mistakes: focus goes to the summary of them, so keyboard and screen-reader users start there
    // and its links take them to each field. A page sent back with a question (an e-mail address to check) likewise.
    var summary = document.querySelector(".error-summary") || document.querySelector("[data-focus-on-load]");
    if (summary) {
        summary.focus();
    }
})();
