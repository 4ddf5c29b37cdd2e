var ac=Object.defineProperty;var cc=(e,t,r)=>t in e?ac(e,t,{enumerable:!0,configurable:!0,writable:!0,value:r}):e[t]=r;var Br=(e,t,r)=>cc(e,typeof t!="symbol"?t+"":t,r);var so,ve,ys,cn,ui,_s,ws,Fo,Gr,Cr,bs,ml,Jo,Zo,Xr={},eo=[],uc=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,ao=Array.isArray;function Xt(e,t){for(var r in t)e[r]=t[r];return e}function gl(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function dc(e,t,r){var n,l,s,c={};for(s in t)s=="key"?n=t[s]:s=="ref"?l=t[s]:c[s]=t[s];if(arguments.length>2&&(c.children=arguments.length>3?so.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)c[s]===void 0&&(c[s]=e.defaultProps[s]);return jr(e,c,n,l,null)}function jr(e,t,r,n,l){var s={type:e,props:t,key:r,ref:n,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:l??++ys,__i:-1,__u:0};return l==null&&ve.vnode!=null&&ve.vnode(s),s}function Pt(e){return e.children}function Yr(e,t){this.props=e,this.context=t}function Tn(e,t){if(t==null)return e.__?Tn(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?Tn(e):null}function fc(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,n=[],l=[],s=Xt({},t);s.__v=t.__v+1,ve.vnode&&ve.vnode(s),yl(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,n,r??Tn(t),!!(32&t.__u),l),s.__v=t.__v,s.__.__k[s.__i]=s,Cs(n,s,l),t.__e=t.__=null,s.__e!=r&&vs(s)}}function vs(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),vs(e)}function di(e){(!e.__d&&(e.__d=!0)&&cn.push(e)&&!to.__r++||ui!=ve.debounceRendering)&&((ui=ve.debounceRendering)||_s)(to)}function to(){try{for(var e,t=1;cn.length;)cn.length>t&&cn.sort(ws),e=cn.shift(),t=cn.length,fc(e)}finally{cn.length=to.__r=0}}function Ss(e,t,r,n,l,s,c,f,m,d,w){var g,u,y,v,b,A,C=n&&n.__k||eo,k=t.length;for(m=hc(r,t,C,m,k),g=0;g<k;g++)(y=r.__k[g])!=null&&(u=y.__i!=-1&&C[y.__i]||Xr,y.__i=g,A=yl(e,y,u,l,s,c,f,m,d,w),v=y.__e,y.ref&&u.ref!=y.ref&&(u.ref&&_l(u.ref,null,y),w.push(y.ref,y.__c||v,y)),b==null&&v!=null&&(b=v),4&y.__u?(m=ks(y,m,e),u.__e&&(u.__e=null)):typeof y.type=="function"&&A!==void 0?m=A:v&&(m=v.nextSibling),y.__u&=-7);return r.__e=b,m}function hc(e,t,r,n,l){var s,c,f,m,d,w=r.length,g=w,u=0;for(e.__k=new Array(l),s=0;s<l;s++)(c=t[s])!=null&&typeof c!="boolean"&&typeof c!="function"?(typeof c=="string"||typeof c=="number"||typeof c=="bigint"||c.constructor==String?c=e.__k[s]=jr(null,c,null,null,null):ao(c)?c=e.__k[s]=jr(Pt,{children:c},null,null,null):c.constructor===void 0&&c.__b>0?c=e.__k[s]=jr(c.type,c.props,c.key,c.ref?c.ref:null,c.__v):e.__k[s]=c,m=s+u,c.__=e,c.__b=e.__b+1,f=null,(d=c.__i=pc(c,r,m,g))!=-1&&(g--,(f=r[d])&&(f.__u|=2)),f==null||f.__v==null?(d==-1&&(l>w?u--:l<w&&u++),typeof c.type!="function"&&(c.__u|=4)):d!=m&&(d==m-1?u--:d==m+1?u++:(d>m?u--:u++,c.__u|=4))):e.__k[s]=null;if(g)for(s=0;s<w;s++)(f=r[s])!=null&&!(2&f.__u)&&(f.__e==n&&(n=Tn(f)),Is(f,f));return n}function ks(e,t,r){var n,l;if(typeof e.type=="function"){for(n=e.__k,l=0;n&&l<n.length;l++)n[l]&&(n[l].__=e,t=ks(n[l],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=Tn(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function pc(e,t,r,n){var l,s,c,f=e.key,m=e.type,d=t[r],w=d!=null&&(2&d.__u)==0;if(d===null&&f==null||w&&f==d.key&&m==d.type)return r;if(n>(w?1:0)){for(l=r-1,s=r+1;l>=0||s<t.length;)if((d=t[c=l>=0?l--:s++])!=null&&!(2&d.__u)&&f==d.key&&m==d.type)return c}return-1}function fi(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||uc.test(t)?r:r+"px"}function Fr(e,t,r,n,l){var s,c;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof n=="string"&&(e.style.cssText=n=""),n)for(t in n)r&&t in r||fi(e.style,t,"");if(r)for(t in r)n&&r[t]==n[t]||fi(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(bs,"$1")),c=t.toLowerCase(),t=c in e||t=="onFocusOut"||t=="onFocusIn"?c.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=r,r?n?r[Cr]=n[Cr]:(r[Cr]=ml,e.addEventListener(t,s?Zo:Jo,s)):e.removeEventListener(t,s?Zo:Jo,s);else{if(l=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function hi(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Gr]==null)t[Gr]=ml++;else if(t[Gr]<r[Cr])return;return r(ve.event?ve.event(t):t)}}}function yl(e,t,r,n,l,s,c,f,m,d){var w,g,u,y,v,b,A,C,k,D,I,M,P,J,W,G,V=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(m=!!(32&r.__u),s=[f=t.__e=r.__e]),(w=ve.__b)&&w(t);e:if(typeof V=="function"){g=c.length;try{if(k=t.props,D=V.prototype&&V.prototype.render,I=(w=V.contextType)&&n[w.__c],M=w?I?I.props.value:w.__:n,r.__c?C=(u=t.__c=r.__c).__=u.__E:(D?t.__c=u=new V(k,M):(t.__c=u=new Yr(k,M),u.constructor=V,u.render=gc),I&&I.sub(u),u.state||(u.state={}),u.__n=n,y=u.__d=!0,u.__h=[],u._sb=[]),D&&u.__s==null&&(u.__s=u.state),D&&V.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=Xt({},u.__s)),Xt(u.__s,V.getDerivedStateFromProps(k,u.__s))),v=u.props,b=u.state,u.__v=t,y)D&&V.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),D&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(D&&V.getDerivedStateFromProps==null&&k!==v&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(k,M),t.__v==r.__v||!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(k,u.__s,M)===!1){t.__v!=r.__v&&(u.props=k,u.state=u.__s,u.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(R){R&&(R.__=t)}),eo.push.apply(u.__h,u._sb),u._sb=[],u.__h.length&&c.push(u),f=Tn(r);break e}u.componentWillUpdate!=null&&u.componentWillUpdate(k,u.__s,M),D&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate(v,b,A)})}if(u.context=M,u.props=k,u.__P=e,u.__e=!1,P=ve.__r,J=0,D)u.state=u.__s,u.__d=!1,P&&P(t),w=u.render(u.props,u.state,u.context),eo.push.apply(u.__h,u._sb),u._sb=[];else do u.__d=!1,P&&P(t),w=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++J<25);u.state=u.__s,u.getChildContext!=null&&(n=Xt(Xt({},n),u.getChildContext())),D&&!y&&u.getSnapshotBeforeUpdate!=null&&(A=u.getSnapshotBeforeUpdate(v,b)),W=w!=null&&w.type===Pt&&w.key==null?$s(w.props.children):w,f=Ss(e,ao(W)?W:[W],t,r,n,l,s,c,f,m,d),u.base=t.__e,t.__u&=-161,u.__h.length&&c.push(u),C&&(u.__E=u.__=null)}catch(R){if(c.length=g,t.__v=null,m||s!=null){if(R.then){for(t.__u|=m?160:128;f&&f.nodeType==8&&f.nextSibling;)f=f.nextSibling;s!=null&&(s[s.indexOf(f)]=null),t.__e=f}else if(s!=null)for(G=s.length;G--;)gl(s[G])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),R.then||As(t),ve.__e(R,t,r)}}else s==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):f=t.__e=mc(r.__e,t,r,n,l,s,c,m,d);return(w=ve.diffed)&&w(t),128&t.__u?void 0:f}function As(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(As))}function Cs(e,t,r){for(var n=0;n<r.length;n++)_l(r[n],r[++n],r[++n]);ve.__c&&ve.__c(t,e),e.some(function(l){try{e=l.__h,l.__h=[],e.some(function(s){s.call(l)})}catch(s){ve.__e(s,l.__v)}})}function $s(e){return typeof e!="object"||e==null||e.__b>0?e:ao(e)?e.map($s):e.constructor!==void 0?null:Xt({},e)}function mc(e,t,r,n,l,s,c,f,m){var d,w,g,u,y,v,b,A=r.props||Xr,C=t.props,k=t.type;if(k=="svg"?l="http://www.w3.org/2000/svg":k=="math"?l="http://www.w3.org/1998/Math/MathML":l||(l="http://www.w3.org/1999/xhtml"),s!=null){for(d=0;d<s.length;d++)if((y=s[d])&&"setAttribute"in y==!!k&&(k?y.localName==k:y.nodeType==3)){e=y,s[d]=null;break}}if(e==null){if(k==null)return document.createTextNode(C);e=document.createElementNS(l,k,C.is&&C),f&&(ve.__m&&ve.__m(t,s),f=!1),s=null}if(k==null)A===C||f&&e.data==C||(e.data=C);else{if(s=k=="textarea"&&C.defaultValue!=null?null:s&&so.call(e.childNodes),!f&&s!=null)for(A={},d=0;d<e.attributes.length;d++)A[(y=e.attributes[d]).name]=y.value;for(d in A)y=A[d],d=="dangerouslySetInnerHTML"?g=y:d=="children"||d in C||d=="value"&&"defaultValue"in C||d=="checked"&&"defaultChecked"in C||Fr(e,d,null,y,l);for(d in C)y=C[d],d=="children"?u=y:d=="dangerouslySetInnerHTML"?w=y:d=="value"?v=y:d=="checked"?b=y:f&&typeof y!="function"||A[d]===y||Fr(e,d,y,A[d],l);if(w)f||g&&(w.__html==g.__html||w.__html==e.innerHTML)||(e.innerHTML=w.__html),t.__k=[];else if(g&&(e.innerHTML=""),Ss(t.type=="template"?e.content:e,ao(u)?u:[u],t,r,n,k=="foreignObject"?"http://www.w3.org/1999/xhtml":l,s,c,s?s[0]:r.__k&&Tn(r,0),f,m),s!=null)for(d=s.length;d--;)gl(s[d]);f&&k!="textarea"||(d="value",k=="progress"&&v==null?e.removeAttribute("value"):v!=null&&(v!==e[d]||k=="progress"&&!v||k=="option"&&v!=A[d])&&Fr(e,d,v,A[d],l),d="checked",b!=null&&b!=e[d]&&Fr(e,d,b,A[d],l))}return e}function _l(e,t,r){try{if(typeof e=="function"){var n=typeof e.__u=="function";n&&e.__u(),n&&t==null||(e.__u=e(t))}else e.current=t}catch(l){ve.__e(l,r)}}function Is(e,t,r){var n,l;if(ve.unmount&&ve.unmount(e),(n=e.ref)&&(n.current&&n.current!=e.__e||_l(n,null,t)),(n=e.__c)!=null){if(n.componentWillUnmount)try{n.componentWillUnmount()}catch(s){ve.__e(s,t)}n.base=n.__P=n.__n=null}if(n=e.__k)for(l=0;l<n.length;l++)n[l]&&Is(n[l],t,r||typeof e.type!="function");r||gl(e.__e),e.__c=e.__=e.__e=void 0}function gc(e,t,r){return this.constructor(e,r)}function yc(e,t,r){var n,l,s,c;t==document&&(t=document.documentElement),ve.__&&ve.__(e,t),l=(n=!1)?null:t.__k,s=[],c=[],yl(t,e=t.__k=dc(Pt,null,[e]),l||Xr,Xr,t.namespaceURI,l?null:t.firstChild?so.call(t.childNodes):null,s,l?l.__e:t.firstChild,n,c),Cs(s,e,c),e.props.children=null}so=eo.slice,ve={__e:function(e,t,r,n){for(var l,s,c;t=t.__;)if((l=t.__c)&&!l.__)try{if((s=l.constructor)&&s.getDerivedStateFromError!=null&&(l.setState(s.getDerivedStateFromError(e)),c=l.__d),l.componentDidCatch!=null&&(l.componentDidCatch(e,n||{}),c=l.__d),c)return l.__E=l}catch(f){e=f}throw e}},ys=0,Yr.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=Xt({},this.state),typeof e=="function"&&(e=e(Xt({},r),this.props)),e&&Xt(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),di(this))},Yr.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),di(this))},Yr.prototype.render=Pt,cn=[],_s=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,ws=function(e,t){return e.__v.__b-t.__v.__b},to.__r=0,Fo=Math.random().toString(8),Gr="__d"+Fo,Cr="__a"+Fo,bs=/(PointerCapture)$|Capture$/i,ml=0,Jo=hi(!1),Zo=hi(!0);var _c=0;function o(e,t,r,n,l,s){t||(t={});var c,f,m=t;if("ref"in m)for(f in m={},t)f=="ref"?c=t[f]:m[f]=t[f];var d={type:e,props:m,key:r,ref:c,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--_c,__i:-1,__u:0,__source:l,__self:s};if(typeof e=="function"&&(c=e.defaultProps))for(f in c)m[f]===void 0&&(m[f]=c[f]);return ve.vnode&&ve.vnode(d),d}var Er,Le,Ho,pi,no=0,Es=[],Oe=ve,mi=Oe.__b,gi=Oe.__r,yi=Oe.diffed,_i=Oe.__c,wi=Oe.unmount,bi=Oe.__;function wl(e,t){Oe.__h&&Oe.__h(Le,e,no||t),no=0;var r=Le.__H||(Le.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function O(e){return no=1,wc(Ps,e)}function wc(e,t,r){var n=wl(Er++,2);if(n.t=e,!n.__c&&(n.__=[Ps(void 0,t),function(f){var m=n.__N?n.__N[0]:n.__[0],d=n.t(m,f);m!==d&&(n.__N=[d,n.__[1]],n.__c.setState({}))}],n.__c=Le,!Le.__f)){var l=function(f,m,d){if(!n.__c.__H)return!0;var w=!1,g=n.__c.props!==f;if(n.__c.__H.__.some(function(y){if(y.__N){w=!0;var v=y.__[0];y.__=y.__N,y.__N=void 0,v!==y.__[0]&&(g=!0)}}),s){var u=s.call(this,f,m,d);return w?u||g:u}return!w||g};Le.__f=!0;var s=Le.shouldComponentUpdate,c=Le.componentWillUpdate;Le.componentWillUpdate=function(f,m,d){if(this.__e){var w=s;s=void 0,l(f,m,d),s=w}c&&c.call(this,f,m,d)},Le.shouldComponentUpdate=l}return n.__N||n.__}function ft(e,t){var r=wl(Er++,3);!Oe.__s&&Ts(r.__H,t)&&(r.__=e,r.u=t,Le.__H.__h.push(r))}function bc(e){return no=5,Ds(function(){return{current:e}},[])}function Ds(e,t){var r=wl(Er++,7);return Ts(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function vc(){for(var e;e=Es.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Qr),t.__h.some(Xo),t.__h=[]}catch(r){t.__h=[],Oe.__e(r,e.__v)}}}Oe.__b=function(e){Le=null,mi&&mi(e)},Oe.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),bi&&bi(e,t)},Oe.__r=function(e){gi&&gi(e),Er=0;var t=(Le=e.__c).__H;t&&(Ho===Le?(t.__h=[],Le.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Qr),t.__h.some(Xo),t.__h=[],Er=0)),Ho=Le},Oe.diffed=function(e){yi&&yi(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Es.push(t)!==1&&pi===Oe.requestAnimationFrame||((pi=Oe.requestAnimationFrame)||Sc)(vc)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Ho=Le=null},Oe.__c=function(e,t){t.some(function(r){try{r.__h.some(Qr),r.__h=r.__h.filter(function(n){return!n.__||Xo(n)})}catch(n){t.some(function(l){l.__h&&(l.__h=[])}),t=[],Oe.__e(n,r.__v)}}),_i&&_i(e,t)},Oe.unmount=function(e){wi&&wi(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(n){try{Qr(n)}catch(l){t=l}}),r.__H=void 0,t&&Oe.__e(t,r.__v))};var vi=typeof requestAnimationFrame=="function";function Sc(e){var t,r=function(){clearTimeout(n),vi&&cancelAnimationFrame(t),setTimeout(e)},n=setTimeout(r,35);vi&&(t=requestAnimationFrame(r))}function Qr(e){var t=Le,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),Le=t}function Xo(e){var t=Le;e.__c=e.__(),Le=t}function Ts(e,t){return!e||e.length!==t.length||t.some(function(r,n){return r!==e[n]})}function Ps(e,t){return typeof t=="function"?t(e):t}const kc={csrf:"__Host-mw_csrf"},Ac="X-CSRF-Token",xs="/graphql",Cc="/export/usage.csv";class te extends String{constructor(r,n){super(r);Br(this,"__apiType");Br(this,"value");Br(this,"__meta__");this.value=r,this.__meta__=n}toString(){return this.value}}const $c=new te(`
    mutation StepUp($code: String!) {
  verifyMfa(input: {code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Ic=new te(`
    mutation LogOut {
  logOut
}
    `),Ec=new te(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(input: {email: $email, password: $password}) {
    token
    mfaRequired
    mfaToken
    errors {
      code
      message
      field
    }
  }
}
    `),Dc=new te(`
    mutation VerifyMfa($mfaToken: String!, $code: String!) {
  verifyMfa(input: {mfaToken: $mfaToken, code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Tc=new te(`
    mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
  signUp(
    input: {inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName}
  ) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Pc=new te(`
    mutation StartTotp {
  startTotpEnrollment {
    secret
    provisioningUri
    qrSvg
    errors {
      code
      message
    }
  }
}
    `),xc=new te(`
    mutation ConfirmTotp($code: String!) {
  confirmTotpEnrollment(code: $code) {
    recoveryCodes
    errors {
      code
      message
      field
    }
  }
}
    `),Rc=new te(`
    query Budgets {
  budgets {
    id
    name
    amount
    currency
    period
    periodStart
    periodEnd
    spent
    remaining
    percentUsed
    estimated
    thresholds
    forecastAlert
    forecast {
      amount
      low
      high
      breachAt
    }
  }
}
    `),Nc=new te(`
    mutation CreateBudget($input: BudgetInput!) {
  createBudget(input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Mc=new te(`
    mutation UpdateBudget($id: ID!, $input: BudgetInput!) {
  updateBudget(id: $id, input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Lc=new te(`
    mutation DeleteBudget($id: ID!) {
  deleteBudget(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Uc=new te(`
    query Alerts($after: String) {
  alerts(first: 20, after: $after) {
    nodes {
      id
      kind
      severity
      title
      message
      budgetId
      createdAt
      acknowledgedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),Oc=new te(`
    mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    alert {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `),qc=new te(`
    subscription AlertRaised {
  alertRaised {
    id
    kind
    severity
    title
    message
    budgetId
    createdAt
    acknowledgedAt
  }
}
    `),Bc=new te(`
    query Channels {
  notificationChannels {
    id
    kind
    name
    targetHint
    alertKinds
    createdAt
  }
}
    `),Fc=new te(`
    mutation CreateChannel($input: NotificationChannelInput!) {
  createNotificationChannel(input: $input) {
    channel {
      id
    }
    secret
    errors {
      code
      message
      field
    }
  }
}
    `),Hc=new te(`
    mutation TestChannel($id: ID!) {
  testNotificationChannel(id: $id) {
    delivery {
      status
      lastError
    }
    errors {
      code
      message
    }
  }
}
    `),Wc=new te(`
    mutation DeleteChannel($id: ID!) {
  deleteNotificationChannel(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Vc=new te(`
    query Connections {
  connections {
    id
    provider
    label
    keyHint
    status
    lastSyncedAt
    lastError
    frozen
  }
}
    `),zc=new te(`
    mutation Connect($input: ConnectProviderInput!) {
  connectProvider(input: $input) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Kc=new te(`
    mutation ReplaceKey($id: ID!, $apiKey: String!) {
  replaceProviderKey(id: $id, apiKey: $apiKey) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Gc=new te(`
    mutation RemoveConnection($id: ID!) {
  removeConnection(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),jc=new te(`
    mutation SyncNow($id: ID!) {
  syncConnection(id: $id) {
    alreadyActive
    run {
      status
    }
    errors {
      code
      message
    }
  }
}
    `),Yc=new te(`
    query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
  usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    currency
    totalCost
    costBasis
    inputTokens
    outputTokens
    requests
    series {
      bucketStart
      provider
      model
      project
      apiKey
      connectionId
      cost
      costBasis
      connection {
        label
      }
    }
  }
  month: usage(filter: $month, granularity: MONTH) {
    currency
    totalCost
    costBasis
  }
  connections {
    id
    provider
    label
    status
    lastSyncedAt
    lastError
  }
}
    `),Qc=new te(`
    query Revisions($filter: UsageFilter!) {
  usageRevisions(filter: $filter, first: 10) {
    edges {
      node {
        id
        kind
        bucketStart
        provider
        model
        project
        lineItem
        currency
        costDelta
        revisedAt
      }
    }
  }
}
    `),Jc=new te(`
    subscription UsageUpdated {
  usageUpdated {
    connectionId
    rowsChanged
  }
}
    `),Zc=new te(`
    subscription SyncStatusLive {
  syncStatus {
    connectionId
    status
    rowsChanged
    error
  }
}
    `),Xc=new te(`
    query Notices {
  notices {
    id
    title
    body
    severity
    createdAt
  }
}
    `),eu=new te(`
    subscription NoticePosted {
  noticePosted {
    id
    title
    body
    severity
    createdAt
  }
}
    `),tu=new te(`
    mutation AcknowledgeNotice($id: ID!) {
  acknowledgeNotice(id: $id) {
    notice {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `),nu=new te(`
    mutation RequiredPasswordChange($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `),ru=new te(`
    query Members {
  members {
    id
    email
    role
    mfaEnabled
    joinedAt
    lastActiveAt
  }
}
    `),ou=new te(`
    mutation Invite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    code
    invite {
      expiresAt
    }
    errors {
      code
      message
    }
  }
}
    `),lu=new te(`
    query Invites {
  invites {
    id
    role
    maxUses
    usesLeft
    expiresAt
    createdByEmail
  }
}
    `),iu=new te(`
    mutation RevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    invite {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),su=new te(`
    mutation ChangeRole($memberId: ID!, $role: Role!) {
  changeMemberRole(memberId: $memberId, role: $role) {
    member {
      id
      role
    }
    errors {
      code
      message
    }
  }
}
    `),au=new te(`
    mutation RemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    ok
    errors {
      code
      message
    }
  }
}
    `),cu=new te(`
    query Tokens {
  apiTokens {
    id
    name
    scope
    ownerEmail
    createdAt
    expiresAt
    lastUsedAt
    active
  }
}
    `),uu=new te(`
    mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    errors {
      code
      message
    }
  }
}
    `),du=new te(`
    mutation RevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),fu=new te(`
    query Sessions {
  sessions {
    id
    email
    ip
    userAgent
    createdAt
    lastSeenAt
    current
  }
}
    `),hu=new te(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id) {
    ok
    errors {
      code
      message
    }
  }
}
    `),pu=new te(`
    query Audit($after: String) {
  auditLog(first: 50, after: $after) {
    edges {
      node {
        id
        seq
        action
        actorEmail
        target
        ip
        occurredAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),mu=new te(`
    query SecurityEvents($after: String) {
  securityEvents(first: 50, after: $after) {
    edges {
      node {
        id
        kind
        severity
        details
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),gu=new te(`
    mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
  updateAccountSettings(input: $input) {
    account {
      id
      name
      mfaRequired
    }
    errors {
      code
      message
      field
    }
  }
}
    `),yu=new te(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `),_u=new te(`
    mutation DeleteAccount($input: DeleteAccountInput!) {
  deleteAccount(input: $input) {
    deletedId
    errors {
      code
      message
      field
    }
  }
}
    `),wu=new te(`
    query Viewer {
  me {
    id
    email
    mfaEnabled
    passwordChangeRequired
  }
}
    `),bu=new te(`
    query AccountInfo {
  account {
    id
    name
    role
    mfaRequired
  }
}
    `),vu={"\n  mutation StepUp($code: String!) {\n    verifyMfa(input: { code: $code }) { token errors { code message field } }\n  }\n":$c,"mutation LogOut { logOut }":Ic,"\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(input: { email: $email, password: $password }) {\n      token mfaRequired mfaToken errors { code message field }\n    }\n  }\n":Ec,"\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }\n  }\n":Dc,"\n  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {\n    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {\n      token errors { code message field }\n    }\n  }\n":Tc,"\n  mutation StartTotp { startTotpEnrollment { secret provisioningUri qrSvg errors { code message } } }\n":Pc,"\n  mutation ConfirmTotp($code: String!) {\n    confirmTotpEnrollment(code: $code) { recoveryCodes errors { code message field } }\n  }\n":xc,"\n  query Budgets {\n    budgets {\n      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated\n      thresholds forecastAlert forecast { amount low high breachAt }\n    }\n  }\n":Rc,"\n  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }\n":Nc,"\n  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }\n":Mc,"\n  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }\n":Lc,"\n  query Alerts($after: String) {\n    alerts(first: 20, after: $after) {\n      nodes { id kind severity title message budgetId createdAt acknowledgedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Uc,"\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }\n":Oc,"\n  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }\n":qc,"query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }":Bc,"\n  mutation CreateChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }\n  }\n":Fc,"\n  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }\n":Hc,"\n  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }\n":Wc,"\n  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }\n":Vc,"\n  mutation Connect($input: ConnectProviderInput!) {\n    connectProvider(input: $input) { connection { id } errors { code message field } }\n  }\n":zc,"\n  mutation ReplaceKey($id: ID!, $apiKey: String!) {\n    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }\n  }\n":Kc,"\n  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }\n":Gc,"\n  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }\n":jc,"\n  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {\n    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {\n      currency totalCost costBasis inputTokens outputTokens requests\n      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }\n    }\n    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }\n    connections { id provider label status lastSyncedAt lastError }\n  }\n":Yc,"\n  query Revisions($filter: UsageFilter!) {\n    usageRevisions(filter: $filter, first: 10) {\n      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }\n    }\n  }\n":Qc,"\n  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }\n":Jc,"\n  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }\n":Zc,"\n  query Notices { notices { id title body severity createdAt } }\n":Xc,"\n  subscription NoticePosted { noticePosted { id title body severity createdAt } }\n":eu,"\n  mutation AcknowledgeNotice($id: ID!) {\n    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }\n  }\n":tu,"\n  mutation RequiredPasswordChange($input: ChangePasswordInput!) {\n    changePassword(input: $input) { ok errors { code message field } }\n  }\n":nu,"query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }":ru,"\n  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }\n":ou,"query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }":lu,"mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }":iu,"\n  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }\n":su,"mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }":au,"query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }":cu,"\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }\n":uu,"mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }":du,"query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }":fu,"mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }":hu,"\n  query Audit($after: String) {\n    auditLog(first: 50, after: $after) {\n      edges { node { id seq action actorEmail target ip occurredAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":pu,"\n  query SecurityEvents($after: String) {\n    securityEvents(first: 50, after: $after) {\n      edges { node { id kind severity details createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":mu,"\n  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {\n    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }\n  }\n":gu,"\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }\n":yu,"\n  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }\n":_u,"\n  query Viewer {\n    me { id email mfaEnabled passwordChangeRequired }\n  }\n":wu,"\n  query AccountInfo {\n    account { id name role mfaRequired }\n  }\n":bu};function ne(e){return vu[e]??{}}class Jr extends Error{constructor(t,r,n){super(r),this.code=t,this.retryAfter=n}}const Su={UNAUTHENTICATED:"Your session has ended. Sign in again.",FORBIDDEN:"Your role does not allow this.",MFA_REQUIRED:"Set up two-factor authentication first.",PASSWORD_CHANGE_REQUIRED:"Choose a new password to continue.",QUERY_TOO_COMPLEX:"That request is too large; narrow the range or filters."};function ku(e){for(const t of document.cookie.split(";")){const[r,...n]=t.trim().split("=");if(r===e)return decodeURIComponent(n.join("="))}return null}function Rs(){const e=ku(kc.csrf);return e?{[Ac]:e}:{}}let Ns=null;const el=new Set;function Au(){return Ns}function En(e){Ns=e,el.forEach(t=>t())}function Cu(e){return el.add(e),()=>el.delete(e)}const tl=new Set;function $u(e){return tl.add(e),()=>tl.delete(e)}const nl=new Set;function Iu(e){return nl.add(e),()=>nl.delete(e)}async function ge(e,t){var s,c,f,m;let r;try{r=await fetch(xs,{method:"POST",credentials:"same-origin",headers:{"content-type":"application/json",accept:"application/json",...Rs()},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new Jr("NETWORK","Meterwise cannot be reached. Check your connection and retry.")}let n;try{n=await r.json()}catch{throw new Jr("INTERNAL",`The server answered ${r.status}; try again shortly.`)}const l=(s=n.errors)==null?void 0:s[0];if(l){const d=String(((c=l.extensions)==null?void 0:c.code)??"INTERNAL");d==="UNAUTHENTICATED"&&tl.forEach(u=>u()),d==="PASSWORD_CHANGE_REQUIRED"&&nl.forEach(u=>u());const w=Number(((f=l.extensions)==null?void 0:f.retryAfter)??0)||void 0,g=d==="RATE_LIMITED"?`Too many requests; try again in ${w??60} s.`:d==="INTERNAL"?`Something went wrong on our side${(m=l.extensions)!=null&&m.requestId?` (request ${String(l.extensions.requestId)})`:""}.`:Su[d]??l.message;throw new Jr(d,g,w)}return n.data}const Eu=ne(`
  mutation StepUp($code: String!) {
    verifyMfa(input: { code: $code }) { token errors { code message field } }
  }
`);let rl=null;function Si(e){rl=e}async function Du(e){const t=await ge(Eu,{code:e}),r=t.verifyMfa.errors[0];return r?r.message:(En(t.verifyMfa.token??null),null)}async function Qe(e,t,r){const n=await ge(e,t);return!r(n).some(s=>s.code==="STEP_UP_REQUIRED")||!rl?n:await rl(Du)?ge(e,t):n}function _e(e){const t=`f-${e.name}`;return o("div",{class:"field",children:[o("label",{for:t,children:e.label}),o("input",{id:t,name:e.name,type:e.type??"text",value:e.value,autocomplete:e.autocomplete??"off",required:e.required,inputMode:e.inputMode,"aria-invalid":e.error?"true":void 0,"aria-describedby":e.hint?`${t}-hint`:void 0,onInput:r=>e.onInput(r.target.value)}),e.hint&&o("p",{class:"hint",id:`${t}-hint`,children:e.hint}),e.error&&o("p",{class:"field-error",role:"alert",children:e.error})]})}function jt(e){const t=`s-${e.name}`;return o("div",{class:"field",children:[o("label",{for:t,children:e.label}),o("select",{id:t,name:e.name,value:e.value,onChange:r=>e.onChange(r.target.value),children:e.options.map(([r,n])=>o("option",{value:r,children:n},r))})]})}function Ae(e){return e.error?o("p",{class:"banner error",role:"alert",children:e.error}):e.notice?o("p",{class:"banner notice",role:"status",children:e.notice}):null}function fn(e){return e instanceof Jr?e.message:"Something went wrong; try again."}function Se(e){var t;return((t=e[0])==null?void 0:t.message)??null}function Je(){const[e,t]=O(!1),[r,n]=O(null);return{busy:e,error:r,setError:n,run:async s=>{t(!0),n(null);try{const c=await s();c&&n(c)}catch(c){n(fn(c))}finally{t(!1)}}}}function Yt(e){return o("section",{class:"page","aria-labelledby":"page-title",children:[o("header",{class:"page-head",children:[o("h1",{id:"page-title",tabIndex:-1,children:e.title}),e.actions]}),e.children]})}function et(e){return e?new Date(e).toLocaleString(void 0,{dateStyle:"medium",timeStyle:"short"}):"never"}function Tt(e,t="USD"){return new Intl.NumberFormat(void 0,{style:"currency",currency:t,maximumFractionDigits:2}).format(Number(e))}function Tu(e,t,r="text/plain"){const n=URL.createObjectURL(new Blob([t],{type:r})),l=document.createElement("a");l.href=n,l.download=e,l.click(),setTimeout(()=>URL.revokeObjectURL(n),1e3)}function rr(e){const[t,r]=O(null),[n,l]=O(null),s=()=>e().then(r,c=>l(fn(c)));return ft(()=>{s()},[]),{items:t,error:n,reload:s}}const Pu=ne(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(input: { email: $email, password: $password }) {
      token mfaRequired mfaToken errors { code message field }
    }
  }
`),xu=ne(`
  mutation VerifyMfa($mfaToken: String!, $code: String!) {
    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }
  }
`),Ru=ne(`
  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {
      token errors { code message field }
    }
  }
`),Nu=ne(`
  mutation StartTotp { startTotpEnrollment { secret provisioningUri qrSvg errors { code message } } }
`),Mu=ne(`
  mutation ConfirmTotp($code: String!) {
    confirmTotpEnrollment(code: $code) { recoveryCodes errors { code message field } }
  }
`);function Lu(e){const[t,r]=O(""),[n,l]=O(""),[s,c]=O(null),[f,m]=O(""),[d,w]=O(!1),{busy:g,error:u,run:y}=Je(),v=A=>{A.preventDefault(),y(async()=>{const{logIn:C}=await ge(Pu,{email:t,password:n});return C.errors.length?Se(C.errors):C.mfaRequired&&C.mfaToken?(c(C.mfaToken),null):(En(C.token??null),e.onDone(),null)})},b=A=>{A.preventDefault(),y(async()=>{const{verifyMfa:C}=await ge(xu,{mfaToken:s,code:f.trim()});return C.errors.length?Se(C.errors):(En(C.token??null),e.onDone(),null)})};return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Sign in to Meterwise"}),o(Ae,{error:u,notice:e.notice}),s===null?o("form",{onSubmit:v,"aria-label":"Sign in",children:[o(_e,{label:"Email",name:"email",type:"email",value:t,onInput:r,autocomplete:"username",required:!0}),o(_e,{label:"Password",name:"password",type:"password",value:n,onInput:l,autocomplete:"current-password",required:!0}),o("button",{type:"submit",disabled:g,children:g?"Signing in…":"Sign in"}),o("p",{children:o("a",{href:"#/signup",children:"Have an invite? Create an account"})})]}):o("form",{onSubmit:b,"aria-label":"Two-factor code",children:[d?o(_e,{label:"Recovery code",name:"code",value:f,onInput:m,required:!0,hint:"One of the codes you saved when you set up two-factor authentication."}):o(_e,{label:"Authentication code",name:"code",value:f,onInput:m,required:!0,inputMode:"numeric",autocomplete:"one-time-code",hint:"The 6-digit code from your authenticator app."}),o("button",{type:"submit",disabled:g,children:g?"Checking…":"Verify"}),o("button",{type:"button",class:"link",onClick:()=>{w(!d),m("")},children:d?"Use my authenticator app":"Use a recovery code instead"})]})]})}function Uu(e){const[t,r]=O(e.invite),[n,l]=O(""),[s,c]=O(""),[f,m]=O(""),[d,w]=O({}),{busy:g,error:u,run:y}=Je();return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Create your Meterwise account"}),o(Ae,{error:u}),o("form",{onSubmit:b=>{b.preventDefault(),y(async()=>{const{signUp:A}=await ge(Ru,{inviteCode:t.trim(),email:n,password:s,accountName:f||null});return w(Object.fromEntries(A.errors.filter(C=>C.field).map(C=>[C.field,C.message]))),A.errors.length?Se(A.errors):(En(A.token??null),e.onDone(),null)})},"aria-label":"Sign up",children:[o(_e,{label:"Invite code",name:"inviteCode",value:t,onInput:r,required:!0,error:d.inviteCode}),o(_e,{label:"Email",name:"email",type:"email",value:n,onInput:l,autocomplete:"username",required:!0,error:d.email}),o(_e,{label:"Password",name:"password",type:"password",value:s,onInput:c,autocomplete:"new-password",required:!0,hint:"At least 12 characters; a passphrase works well.",error:d.password}),o(_e,{label:"Account name (optional)",name:"accountName",value:f,onInput:m,error:d.accountName}),o("button",{type:"submit",disabled:g,children:g?"Creating…":"Create account"}),o("p",{children:o("a",{href:"#/signin",children:"Already have an account? Sign in"})})]})]})}function Ou(e){const[t,r]=O(null),[n,l]=O(""),[s,c]=O(null),{busy:f,error:m,run:d}=Je();ft(()=>{d(async()=>{const{startTotpEnrollment:g}=await ge(Nu,{});if(g.errors.length)return Se(g.errors);const u=g.qrSvg?`data:image/svg+xml;base64,${btoa(g.qrSvg)}`:null;return r({secret:g.secret??"",qr:u}),null})},[]);const w=g=>{g.preventDefault(),d(async()=>{const{confirmTotpEnrollment:u}=await ge(Mu,{code:n.trim()});return u.errors.length?Se(u.errors):(c(u.recoveryCodes??[]),null)})};return s?o("main",{class:"auth",id:"main",children:[o("h1",{children:"Save your recovery codes"}),o("p",{children:"Each code signs you in once if you lose your authenticator. They are shown only now."}),o("ul",{class:"codes","aria-label":"Recovery codes",children:s.map(g=>o("li",{children:o("code",{children:g})},g))}),o("button",{type:"button",onClick:()=>Tu("meterwise-recovery-codes.txt",`Meterwise recovery codes for ${e.email}

${s.join(`
`)}
`),children:"Download codes"}),o("button",{type:"button",class:"secondary",onClick:e.onDone,children:"I saved them, continue"})]}):o("main",{class:"auth",id:"main",children:[o("h1",{children:"Set up two-factor authentication"}),o("p",{children:"Your account requires a second factor. Scan the code with an authenticator app (any RFC 6238 app), then enter the 6-digit code it shows."}),o(Ae,{error:m}),t===null?o("p",{role:"status",children:"Preparing…"}):o(Pt,{children:[t.qr&&o("img",{class:"qr",src:t.qr,width:200,height:200,alt:"QR code with your two-factor secret"}),o("p",{children:["Or type this secret: ",o("code",{"data-testid":"totp-secret",children:t.secret})]}),o("form",{onSubmit:w,"aria-label":"Confirm two-factor code",children:[o(_e,{label:"Authentication code",name:"code",value:n,onInput:l,required:!0,inputMode:"numeric",autocomplete:"one-time-code"}),o("button",{type:"submit",disabled:f,children:f?"Checking…":"Turn on two-factor"})]})]})]})}function qu(e){const[t,r]=O(""),{busy:n,error:l,run:s}=Je();return ft(()=>{var c;(c=document.getElementById("f-stepup"))==null||c.focus()},[]),o("div",{class:"dialog-backdrop",children:o("div",{class:"dialog",role:"dialog","aria-modal":"true","aria-labelledby":"stepup-title",onKeyDown:c=>c.key==="Escape"&&e.onClose(!1),children:[o("h2",{id:"stepup-title",children:"Confirm it's you"}),o("p",{children:"This action needs a fresh code from your authenticator app (or a recovery code)."}),o(Ae,{error:l}),o("form",{onSubmit:c=>{c.preventDefault(),s(async()=>{const f=await e.submit(t.trim());return f||e.onClose(!0),f})},children:[o(_e,{label:"Code",name:"stepup",value:t,onInput:r,required:!0,inputMode:"numeric",autocomplete:"one-time-code"}),o("div",{class:"row",children:[o("button",{type:"submit",disabled:n,children:"Confirm"}),o("button",{type:"button",class:"secondary",onClick:()=>e.onClose(!1),children:"Cancel"})]})]})]})})}function dt(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function An(e){return dt(e)==="object"}function Bu(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function ki(e,t){return e.length<124?e:t}const Fu="graphql-transport-ws";var yt;(function(e){e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests"})(yt||(yt={}));var Me;(function(e){e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete"})(Me||(Me={}));function Ms(e){if(!An(e))throw new Error(`Message is expected to be an object, but got ${dt(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${dt(e.type)}`);switch(e.type){case Me.ConnectionInit:case Me.ConnectionAck:case Me.Ping:case Me.Pong:{if(e.payload!=null&&!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case Me.Subscribe:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${dt(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${dt(e.payload.query)}`);if(e.payload.variables!=null&&!An(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${dt(e.payload.variables)}`);if(e.payload.operationName!=null&&dt(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${dt(e.payload.operationName)}`);if(e.payload.extensions!=null&&!An(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${dt(e.payload.extensions)}`);break}case Me.Next:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${dt(e.payload)}`);break}case Me.Error:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Bu(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case Me.Complete:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Hu(e,t){return Ms(typeof e=="string"?JSON.parse(e,t):e)}function wr(e,t){return Ms(e),JSON.stringify(e,t)}var tr=function(e){return this instanceof tr?(this.v=e,this):new tr(e)},Wu=function(e,t,r){if(!Symbol.asyncIterator)throw new TypeError("Symbol.asyncIterator is not defined.");var n=r.apply(e,t||[]),l,s=[];return l=Object.create((typeof AsyncIterator=="function"?AsyncIterator:Object).prototype),f("next"),f("throw"),f("return",c),l[Symbol.asyncIterator]=function(){return this},l;function c(y){return function(v){return Promise.resolve(v).then(y,g)}}function f(y,v){n[y]&&(l[y]=function(b){return new Promise(function(A,C){s.push([y,b,A,C])>1||m(y,b)})},v&&(l[y]=v(l[y])))}function m(y,v){try{d(n[y](v))}catch(b){u(s[0][3],b)}}function d(y){y.value instanceof tr?Promise.resolve(y.value.v).then(w,g):u(s[0][2],y)}function w(y){m("next",y)}function g(y){m("throw",y)}function u(y,v){y(v),s.shift(),s.length&&m(s[0][0],s[0][1])}};function Vu(e){const{url:t,connectionParams:r,lazy:n=!0,onNonLazyError:l=console.error,lazyCloseTimeout:s=0,keepAlive:c=0,disablePong:f,connectionAckWaitTimeout:m=0,retryAttempts:d=5,retryWait:w=async function(K){let x=1e3;for(let re=0;re<K;re++)x*=2;await new Promise(re=>setTimeout(re,x+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Wo,isFatalConnectionProblem:u,on:y,webSocketImpl:v,generateID:b=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,K=>{const x=Math.random()*16|0;return(K=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:A,jsonMessageReviver:C}=e;let k;if(v){if(!Ku(v))throw new Error("Invalid WebSocket implementation provided");k=v}else typeof WebSocket<"u"?k=WebSocket:typeof global<"u"?k=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(k=window.WebSocket||window.MozWebSocket);if(!k)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const D=k,I=(()=>{const T=(()=>{const x={};return{on(re,Z){return x[re]=Z,()=>{delete x[re]}},emit(re){var Z;"id"in re&&((Z=x[re.id])===null||Z===void 0||Z.call(x,re))}}})(),K={connecting:y!=null&&y.connecting?[y.connecting]:[],opened:y!=null&&y.opened?[y.opened]:[],connected:y!=null&&y.connected?[y.connected]:[],ping:y!=null&&y.ping?[y.ping]:[],pong:y!=null&&y.pong?[y.pong]:[],message:y!=null&&y.message?[T.emit,y.message]:[T.emit],closed:y!=null&&y.closed?[y.closed]:[],error:y!=null&&y.error?[y.error]:[]};return{onMessage:T.on,on(x,re){const Z=K[x];return Z.push(re),()=>{Z.splice(Z.indexOf(re),1)}},emit(x,...re){for(const Z of[...K[x]])Z(...re)}}})();function M(T){const K=[I.on("error",x=>{K.forEach(re=>re()),T(x)}),I.on("closed",x=>{K.forEach(re=>re()),T(x)})]}let P,J=0,W,G=!1,V=0,R=!1;async function L(){clearTimeout(W);const[T,K]=await(P??(P=new Promise((Z,oe)=>(async()=>{if(G){if(await w(V),!J)return P=void 0,oe({code:1e3,reason:"All Subscriptions Gone"});V++}I.emit("connecting",G);const Y=new D(typeof t=="function"?await t():t,Fu);let le,z;function De(){isFinite(c)&&c>0&&(clearTimeout(z),z=setTimeout(()=>{Y.readyState===D.OPEN&&(Y.send(wr({type:Me.Ping})),I.emit("ping",!1,void 0))},c))}M(se=>{P=void 0,clearTimeout(le),clearTimeout(z),oe(se),se instanceof Ai&&(Y.close(4499,"Terminated"),Y.onerror=null,Y.onclose=null)}),Y.onerror=se=>I.emit("error",se),Y.onclose=se=>I.emit("closed",se),Y.onopen=async()=>{try{I.emit("opened",Y);const se=typeof r=="function"?await r():r;if(Y.readyState!==D.OPEN)return;Y.send(wr(se?{type:Me.ConnectionInit,payload:se}:{type:Me.ConnectionInit},A)),isFinite(m)&&m>0&&(le=setTimeout(()=>{Y.close(yt.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},m)),De()}catch(se){I.emit("error",se),Y.close(yt.InternalClientError,ki(se instanceof Error?se.message:new Error(se).message,"Internal client error"))}};let xe=!1;Y.onmessage=({data:se})=>{try{const X=Hu(se,C);if(I.emit("message",X),X.type==="ping"||X.type==="pong"){I.emit(X.type,!0,X.payload),X.type==="pong"?De():f||(Y.send(wr(X.payload?{type:Me.Pong,payload:X.payload}:{type:Me.Pong})),I.emit("pong",!1,X.payload));return}if(xe)return;if(X.type!==Me.ConnectionAck)throw new Error(`First message cannot be of type ${X.type}`);clearTimeout(le),xe=!0,I.emit("connected",Y,X.payload,G),G=!1,V=0,Z([Y,new Promise((vt,rt)=>M(rt))])}catch(X){Y.onmessage=null,I.emit("error",X),Y.close(yt.BadResponse,ki(X instanceof Error?X.message:new Error(X).message,"Bad response"))}}})())));T.readyState===D.CLOSING&&await K;let x=()=>{};const re=new Promise(Z=>x=Z);return[T,x,Promise.race([re.then(()=>{if(!J){const Z=()=>T.close(1e3,"Normal Closure");isFinite(s)&&s>0?W=setTimeout(()=>{T.readyState===D.OPEN&&Z()},s):Z()}}),K])]}function U(T){if(Wo(T)&&(zu(T.code)||[yt.InternalServerError,yt.InternalClientError,yt.BadRequest,yt.BadResponse,yt.Unauthorized,yt.SubprotocolNotAcceptable,yt.SubscriberAlreadyExists,yt.TooManyInitialisationRequests].includes(T.code)))throw T;if(R)return!1;if(Wo(T)&&T.code===1e3)return J>0;if(!d||V>=d||!g(T)||u!=null&&u(T))throw T;return G=!0}n||(async()=>{for(J++;;)try{const[,,T]=await L();await T}catch(T){try{if(!U(T))return}catch(K){return l==null?void 0:l(K)}}})();function j(T,K){const x=b(T);let re=!1,Z=!1,oe=()=>{J--,re=!0};return(async()=>{for(J++;;)try{const[Y,le,z]=await L();if(re)return le();const De=I.onMessage(x,xe=>{switch(xe.type){case Me.Next:{K.next(xe.payload);return}case Me.Error:{Z=!0,re=!0,K.error(xe.payload),oe();return}case Me.Complete:{re=!0,oe();return}}});Y.send(wr({id:x,type:Me.Subscribe,payload:T},A)),oe=()=>{!re&&Y.readyState===D.OPEN&&Y.send(wr({id:x,type:Me.Complete},A)),J--,re=!0,le()},await z.finally(De);return}catch(Y){if(!U(Y))return}})().then(()=>{Z||K.complete()}).catch(Y=>{K.error(Y)}),()=>{re||oe()}}return{on:I.on,subscribe:j,iterate(T){const K=[],x={done:!1,error:null,resolve:()=>{}},re=j(T,{next(oe){K.push(oe),x.resolve()},error(oe){x.done=!0,x.error=oe,x.resolve()},complete(){x.done=!0,x.resolve()}}),Z=function(){return Wu(this,arguments,function*(){for(;;){for(K.length||(yield tr(new Promise(le=>x.resolve=le)));K.length;)yield yield tr(K.shift());if(x.error)throw x.error;if(x.done)return yield tr(void 0)}})}();return Z.throw=async oe=>(x.done||(x.done=!0,x.error=oe,x.resolve()),{done:!0,value:void 0}),Z.return=async()=>(re(),{done:!0,value:void 0}),Z},async dispose(){if(R=!0,P){const[T]=await P;T.close(1e3,"Normal Closure")}},terminate(){P&&I.emit("closed",new Ai)}}}class Ai extends Error{constructor(){super(...arguments),this.name="TerminatedCloseEvent",this.message="4499: Terminated",this.code=4499,this.reason="Terminated",this.wasClean=!1}}function Wo(e){return An(e)&&"code"in e&&"reason"in e}function zu(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Ku(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let kn=null,Ci=null;addEventListener("unhandledrejection",e=>{const t=e.reason;(t instanceof CloseEvent||typeof t=="object"&&t!==null&&typeof t.code=="number"&&typeof t.reason=="string")&&e.preventDefault()});function Gu(){const e=Au();if(e!==Ci&&(kn==null||kn.dispose(),kn=null,Ci=e),!kn){const t=new URL(xs,location.href);t.protocol=t.protocol==="https:"?"wss:":"ws:",kn=Vu({url:t.toString(),connectionParams:e?{authorization:`Bearer ${e}`}:{},retryAttempts:5})}return kn}function ro(e,t){let r=null;const n=()=>{r==null||r();const s=Gu();r=s?s.subscribe({query:e.toString()},{next:c=>c.data&&t(c.data),error:()=>{},complete:()=>{}}):null};if(n(),!r)return null;const l=Cu(n);return()=>{l(),r==null||r()}}const ju=ne(`
  query Viewer {
    me { id email mfaEnabled passwordChangeRequired }
  }
`),Yu=ne(`
  query AccountInfo {
    account { id name role mfaRequired }
  }
`);async function Qu(){const{me:e}=await ge(ju,{});if(!e)return{me:null,account:null,needsMfa:!1,needsPassword:!1};try{const{account:t}=await ge(Yu,{});return{me:e,account:t,needsMfa:!1,needsPassword:!1}}catch(t){const r=t.code;if(r==="MFA_REQUIRED")return{me:e,account:null,needsMfa:!0,needsPassword:!1};if(r==="PASSWORD_CHANGE_REQUIRED")return{me:e,account:null,needsMfa:!1,needsPassword:!0};throw t}}function qt(e){return(e==null?void 0:e.role)==="OWNER"||(e==null?void 0:e.role)==="ADMIN"}function Ju(e){return qt(e)||(e==null?void 0:e.role)==="MEMBER"}const Zu=ne(`
  query Budgets {
    budgets {
      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated
      thresholds forecastAlert forecast { amount low high breachAt }
    }
  }
`),Xu=ne(`
  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }
`),ed=ne(`
  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }
`),td=ne(`
  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }
`),nd=ne(`
  query Alerts($after: String) {
    alerts(first: 20, after: $after) {
      nodes { id kind severity title message budgetId createdAt acknowledgedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`),rd=ne(`
  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }
`),od=ne(`
  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }
`),ld=ne("query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }"),id=ne(`
  mutation CreateChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }
  }
`),sd=ne(`
  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }
`),ad=ne(`
  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }
`),cd=[["DAY","Day"],["WEEK","Week"],["MONTH","Month"],["QUARTER","Quarter"]],ud=[["WEBHOOK","Webhook"],["SLACK","Slack"],["EMAIL","E-mail"]];function dd(e){const{b:t}=e,r=Number(t.amount),n=t.forecast;return o("div",{class:"bars",children:[o("label",{for:`spent-${t.id}`,children:["Spent ",Tt(t.spent,t.currency)," of ",Tt(t.amount,t.currency)," ","(",o("span",{"data-testid":"budget-percent",children:[Math.round(t.percentUsed),"%"]}),")",t.estimated?", partly estimated":""]}),o("meter",{id:`spent-${t.id}`,min:0,max:r,low:r*.8,high:r,optimum:0,value:Math.min(Number(t.spent),r)}),n&&o(Pt,{children:[o("label",{for:`forecast-${t.id}`,children:["Forecast at period end ",Tt(n.amount,t.currency)," ","(90%: ",Tt(n.low,t.currency),"–",Tt(n.high,t.currency),")",n.breachAt?o(Pt,{children:["; reaches the budget ",et(n.breachAt)]}):""]}),o("meter",{id:`forecast-${t.id}`,min:0,max:r,low:r*.8,high:r,optimum:0,value:Math.min(Number(n.amount),r)})]})]})}function Ls(e){const t=e.budget,[r,n]=O((t==null?void 0:t.name)??""),[l,s]=O(t?String(Number(t.amount)):""),[c,f]=O((t==null?void 0:t.period)??"MONTH"),[m,d]=O(((t==null?void 0:t.thresholds)??[50,80,100]).join(", ")),[w,g]=O((t==null?void 0:t.forecastAlert)??!0),{busy:u,error:y,run:v}=Je(),b=(t==null?void 0:t.id)??"new";return o("form",{"aria-label":t?`Edit ${t.name}`:"New budget",onSubmit:A=>{A.preventDefault(),v(async()=>{const C=m.split(/[\s,]+/).filter(Boolean).map(Number);if(C.some(I=>!Number.isInteger(I)))return"Thresholds are whole percentages, e.g. 50, 80, 100.";const k={name:r,amount:l,period:c,thresholds:C,forecastAlert:w},D=t?(await Qe(ed,{id:t.id,input:k},I=>I.updateBudget.errors)).updateBudget.errors:(await Qe(Xu,{input:k},I=>I.createBudget.errors)).createBudget.errors;return D.length?Se(D):(t||(n(""),s("")),e.onDone(),null)})},children:[o(Ae,{error:y}),o(_e,{label:"Name",name:`budget-name-${b}`,value:r,onInput:n,required:!0}),o(_e,{label:"Amount (USD)",name:`budget-amount-${b}`,type:"number",value:l,onInput:s,required:!0}),o(jt,{label:"Period",name:`budget-period-${b}`,value:c,options:cd,onChange:f}),o(_e,{label:"Alert at (% of the amount)",name:`budget-thresholds-${b}`,value:m,onInput:d,hint:"Comma-separated, e.g. 50, 80, 100."}),o("div",{class:"field check",children:[o("input",{id:`f-budget-forecast-${b}`,type:"checkbox",checked:w,onChange:A=>g(A.target.checked)}),o("label",{for:`f-budget-forecast-${b}`,children:"Alert when the forecast exceeds the amount"})]}),o("div",{class:"row",children:[o("button",{type:"submit",disabled:u,children:t?"Save budget":"Create budget"}),e.onCancel&&o("button",{type:"button",class:"secondary",onClick:e.onCancel,children:"Cancel"})]})]})}function fd(e){const{b:t}=e,[r,n]=O(!1),{busy:l,error:s,run:c}=Je();return o("li",{class:"card","aria-label":t.name,children:[o("h2",{children:[t.name," ",o("span",{class:"muted",children:["per ",t.period.toLowerCase()," · ",et(t.periodStart)," to ",et(t.periodEnd)]})]}),o(dd,{b:t}),o("p",{class:"hint",children:["Alerts at ",t.thresholds.map(f=>`${f}%`).join(", ")||"no threshold",t.forecastAlert?" and when the forecast exceeds it":"","."]}),o(Ae,{error:s}),e.admin&&(r?o(Ls,{budget:t,onDone:()=>{n(!1),e.reload()},onCancel:()=>n(!1)}):o("div",{class:"row",children:[o("button",{type:"button",class:"secondary",onClick:()=>n(!0),children:"Edit"}),o("button",{type:"button",class:"danger",disabled:l,onClick:()=>void c(async()=>{if(!confirm(`Delete the budget ${t.name}? Its alerts stay.`))return null;const f=await Qe(td,{id:t.id},m=>m.deleteBudget.errors);return f.deleteBudget.errors.length?Se(f.deleteBudget.errors):(e.reload(),null)}),children:"Delete"})]}))]})}function hd(e){const t=rr(()=>ge(Zu,{}).then(n=>n.budgets)),r=qt(e.account);return o(Yt,{title:"Budgets",children:[o(Ae,{error:t.error}),t.items===null?o("p",{role:"status",children:"Loading…"}):t.items.length===0?o("p",{class:"empty",children:["No budgets yet.",r?" Create one below; alerts fire as spend crosses its thresholds.":" Ask an admin to set one."]}):o("ul",{class:"cards",children:t.items.map(n=>o(fd,{b:n,admin:r,reload:()=>void t.reload()},n.id))}),r&&o("section",{class:"card","aria-labelledby":"new-budget",children:[o("h2",{id:"new-budget",children:"New budget"}),o(Ls,{onDone:()=>void t.reload()})]})]})}function pd(){const e=rr(()=>ge(ld,{}).then(v=>v.notificationChannels)),[t,r]=O("WEBHOOK"),[n,l]=O(""),[s,c]=O(""),[f,m]=O(null),[d,w]=O(null),{busy:g,error:u,run:y}=Je();return o("section",{class:"card","aria-labelledby":"channels-title",children:[o("h2",{id:"channels-title",children:"Notification channels"}),o(Ae,{error:e.error??u,notice:d}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No channels yet: alerts show here only."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Where alerts are sent"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Target"}),o("th",{scope:"col",children:"Alerts"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(v=>o("tr",{children:[o("td",{children:v.name}),o("td",{children:v.kind.toLowerCase()}),o("td",{children:v.targetHint}),o("td",{children:v.alertKinds.length?v.alertKinds.map(b=>b.toLowerCase().replace(/_/g," ")).join(", "):"all"}),o("td",{class:"row",children:[o("button",{type:"button",class:"secondary small",disabled:g,onClick:()=>void y(async()=>{const b=await Qe(sd,{id:v.id},C=>C.testNotificationChannel.errors);if(b.testNotificationChannel.errors.length)return Se(b.testNotificationChannel.errors);const A=b.testNotificationChannel.delivery;return w(`Test to ${v.name}: ${(A==null?void 0:A.status)??"queued"}${A!=null&&A.lastError?` (${A.lastError})`:""}.`),null}),children:"Send test"}),o("button",{type:"button",class:"danger small",disabled:g,onClick:()=>void y(async()=>{if(!confirm(`Remove the channel ${v.name}?`))return null;const b=await Qe(ad,{id:v.id},A=>A.deleteNotificationChannel.errors);return await e.reload(),Se(b.deleteNotificationChannel.errors)}),children:"Remove"})]})]},v.id))})]})}),o("form",{"aria-label":"Add a channel",onSubmit:v=>{v.preventDefault(),y(async()=>{const b=await Qe(id,{input:{kind:t,name:n,target:s}},A=>A.createNotificationChannel.errors);return b.createNotificationChannel.errors.length?Se(b.createNotificationChannel.errors):(m(b.createNotificationChannel.secret??null),l(""),c(""),w(null),await e.reload(),null)})},children:[o(jt,{label:"Kind",name:"channelKind",value:t,options:ud,onChange:r}),o(_e,{label:"Channel name",name:"channelName",value:n,onInput:l,required:!0}),o(_e,{label:t==="EMAIL"?"E-mail address":"URL",name:"channelTarget",value:s,onInput:c,required:!0,hint:"Write-only: only its host (or e-mail domain) is shown afterwards."}),o("button",{type:"submit",disabled:g,children:"Add channel"})]}),f&&o("p",{role:"status",children:["Signing secret (shown once; verify webhooks with it): ",o("code",{"data-testid":"channel-secret",children:f})]})]})}function md(e){const[t,r]=O(null),[n,l]=O(null),[s,c]=O(null),{busy:f,error:m,run:d}=Je(),w=async g=>{try{const{alerts:u}=await ge(nd,{after:g});r(y=>g&&y?[...y,...u.nodes]:u.nodes),l(u.pageInfo.hasNextPage?u.pageInfo.endCursor??null:null),c(null)}catch(u){c(fn(u))}};return ft(()=>{w(null);const g=ro(od,y=>r(v=>v!=null&&v.some(b=>b.id===y.alertRaised.id)?v:[y.alertRaised,...v??[]]));if(g)return g;const u=setInterval(()=>void w(null),6e4);return()=>clearInterval(u)},[]),o(Yt,{title:"Alerts",children:[o(Ae,{error:s??m}),t===null?o("p",{role:"status",children:"Loading…"}):t.length===0?o("p",{class:"empty",children:"No alerts yet. Budgets, anomalies and failing syncs raise them here."}):o("ul",{class:"cards","aria-label":"Alerts",children:t.map(g=>o("li",{class:`card alert ${g.acknowledgedAt?"seen":""}`,"aria-label":g.title,children:[o("h2",{children:[g.title," ",o("span",{class:"muted",children:[g.kind.toLowerCase().replace(/_/g," ")," · ",g.severity," · ",et(g.createdAt)]})]}),o("p",{children:g.message}),g.budgetId&&o("p",{children:o("a",{href:"#/budgets",children:"See the budget"})}),g.acknowledgedAt?o("p",{class:"hint",children:["Acknowledged ",et(g.acknowledgedAt)]}):o("button",{type:"button",class:"secondary small",disabled:f,onClick:()=>void d(async()=>{var v;const u=await Qe(rd,{id:g.id},b=>b.acknowledgeAlert.errors);if(u.acknowledgeAlert.errors.length)return Se(u.acknowledgeAlert.errors);const y=((v=u.acknowledgeAlert.alert)==null?void 0:v.acknowledgedAt)??new Date().toISOString();return r(b=>(b==null?void 0:b.map(A=>A.id===g.id?{...A,acknowledgedAt:y}:A))??b),null}),children:"Acknowledge"})]},g.id))}),n&&o("button",{type:"button",class:"secondary",onClick:()=>void w(n),children:"Load older alerts"}),qt(e.account)&&o(pd,{})]})}const gd=ne(`
  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }
`),yd=ne(`
  mutation Connect($input: ConnectProviderInput!) {
    connectProvider(input: $input) { connection { id } errors { code message field } }
  }
`),_d=ne(`
  mutation ReplaceKey($id: ID!, $apiKey: String!) {
    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }
  }
`),wd=ne(`
  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }
`),bd=ne(`
  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }
`),er={OPENAI:{name:"OpenAI",steps:"In platform.openai.com → Settings → Organization → Admin keys, create an Admin key (it starts with sk-admin-). Meterwise only reads the usage and costs endpoints."},ANTHROPIC:{name:"Anthropic",steps:"In console.anthropic.com → Settings → Admin keys, create an Admin key (it starts with sk-ant-admin). Only organisation admins can create one; Meterwise only reads usage and cost reports."},OPENROUTER:{name:"OpenRouter",steps:"In openrouter.ai → Settings → Management keys, create a management key. Meterwise only reads credits and activity."}};function vd(e){const{c:t}=e,[r,n]=O(!1),[l,s]=O(""),{busy:c,error:f,run:m}=Je(),[d,w]=O(null),g=t.frozen?"frozen":t.lastError?"error":t.lastSyncedAt?"ok":"pending";return o("li",{class:"card","aria-label":`${t.label} (${er[t.provider].name})`,children:[o("h2",{children:[t.label," ",o("span",{class:"muted",children:[er[t.provider].name," · key …",t.keyHint]})]}),o("p",{children:[o("span",{class:`status ${g}`,children:t.status})," · last sync ",et(t.lastSyncedAt)]}),t.frozen&&o("p",{class:"field-error","data-testid":"frozen",children:"Frozen by the operator during a security incident: nothing syncs and the key stays sealed until it is released."}),t.lastError&&o("p",{class:"field-error",children:["Last error: ",t.lastError]}),g==="pending"&&o("div",{class:"progress",role:"status",children:[o("label",{for:`sync-${t.id}`,children:"First sync running: backfilling the last 30 days…"}),o("progress",{id:`sync-${t.id}`})]}),o(Ae,{error:f,notice:d}),o("div",{class:"row",children:[Ju(e.account)&&o("button",{type:"button",disabled:c,onClick:()=>void m(async()=>{const{syncConnection:u}=await ge(bd,{id:t.id});return u.errors.length?Se(u.errors):(w(u.alreadyActive?"A sync is already running.":"Sync queued."),e.reload(),null)}),children:"Sync now"}),qt(e.account)&&o(Pt,{children:[o("button",{type:"button",class:"secondary","aria-expanded":r,onClick:()=>n(!r),children:"Replace key"}),o("button",{type:"button",class:"danger",disabled:c,onClick:()=>void m(async()=>{if(!confirm(`Remove ${t.label}? Its synced usage is deleted too.`))return null;const{removeConnection:u}=await Qe(wd,{id:t.id},y=>y.removeConnection.errors);return u.errors.length?Se(u.errors):(e.reload(),null)}),children:"Remove"})]})]}),r&&o("form",{onSubmit:u=>{u.preventDefault(),m(async()=>{const y=await Qe(_d,{id:t.id,apiKey:l},v=>v.replaceProviderKey.errors);return y.replaceProviderKey.errors.length?Se(y.replaceProviderKey.errors):(s(""),n(!1),w("Key replaced."),e.reload(),null)})},children:[o(_e,{label:"New key",name:`key-${t.id}`,type:"password",value:l,onInput:s,required:!0}),o("button",{type:"submit",disabled:c,children:"Save key"})]})]})}function Sd(e){const[t,r]=O(null),[n,l]=O(null),[s,c]=O("OPENAI"),[f,m]=O(""),[d,w]=O(""),{busy:g,error:u,run:y}=Je(),[v,b]=O(null),A=()=>ge(gd,{}).then(k=>r(k.connections),k=>l(fn(k)));ft(()=>{A()},[]);const C=(t==null?void 0:t.some(k=>!k.lastSyncedAt&&!k.lastError))??!1;return ft(()=>{if(!C)return;const k=setInterval(()=>void A(),5e3);return()=>clearInterval(k)},[C]),o(Yt,{title:"Connections",children:[o(Ae,{error:n}),t===null?o("p",{role:"status",children:"Loading…"}):t.length===0?o("p",{class:"empty",children:["No provider connected yet.",qt(e.account)?" Add one below.":" Ask an admin to add one."]}):o("ul",{class:"cards",children:t.map(k=>o(vd,{c:k,account:e.account,reload:A},k.id))}),qt(e.account)&&o("section",{"aria-labelledby":"add-connection",class:"card",children:[o("h2",{id:"add-connection",children:"Add a connection"}),o(Ae,{error:u,notice:v}),o("form",{onSubmit:k=>{k.preventDefault(),y(async()=>{const D=await Qe(yd,{input:{provider:s,label:f||er[s].name,apiKey:d}},I=>I.connectProvider.errors);return D.connectProvider.errors.length?Se(D.connectProvider.errors):(w(""),m(""),b("Connected. The first sync is backfilling the last 30 days; the dashboard fills in as it lands."),await A(),null)})},children:[o(jt,{label:"Provider",name:"provider",value:s,options:Object.keys(er).map(k=>[k,er[k].name]),onChange:c}),o("p",{class:"hint",id:"provider-help",children:er[s].steps}),o(_e,{label:"Label",name:"label",value:f,onInput:m,hint:"e.g. Production org"}),o(_e,{label:"Admin / usage key",name:"apiKey",type:"password",value:d,onInput:w,required:!0,hint:"Checked with the provider, then sealed at once; it is never shown again."}),o("button",{type:"submit",disabled:g,children:g?"Checking key…":"Connect"})]})]})]})}const kd=!0,We="u-",Ad="uplot",Cd=We+"hz",$d=We+"vt",Id=We+"title",Ed=We+"wrap",Dd=We+"under",Td=We+"over",Pd=We+"axis",In=We+"off",xd=We+"select",Rd=We+"cursor-x",Nd=We+"cursor-y",Md=We+"cursor-pt",Ld=We+"legend",Ud=We+"live",Od=We+"inline",qd=We+"series",Bd=We+"marker",$i=We+"label",Fd=We+"value",Sr="width",kr="height",br="top",Ii="bottom",Zn="left",Vo="right",bl="#000",Ei=bl+"0",zo="mousemove",Di="mousedown",Ko="mouseup",Ti="mouseenter",Pi="mouseleave",xi="dblclick",Hd="resize",Wd="scroll",Ri="change",oo="dppxchange",vl="--",ar=typeof window<"u",ol=ar?document:null,nr=ar?window:null,Vd=ar?navigator:null;let pe,Hr;function ll(){let e=devicePixelRatio;pe!=e&&(pe=e,Hr&&sl(Ri,Hr,ll),Hr=matchMedia(`(min-resolution: ${pe-.001}dppx) and (max-resolution: ${pe+.001}dppx)`),Dn(Ri,Hr,ll),nr.dispatchEvent(new CustomEvent(oo)))}function _t(e,t){if(t!=null){let r=e.classList;!r.contains(t)&&r.add(t)}}function il(e,t){let r=e.classList;r.contains(t)&&r.remove(t)}function Ee(e,t,r){e.style[t]=r+"px"}function Lt(e,t,r,n){let l=ol.createElement(e);return t!=null&&_t(l,t),r!=null&&r.insertBefore(l,n),l}function Et(e,t){return Lt("div",e,t)}const Ni=new WeakMap;function Gt(e,t,r,n,l){let s="translate("+t+"px,"+r+"px)",c=Ni.get(e);s!=c&&(e.style.transform=s,Ni.set(e,s),t<0||r<0||t>n||r>l?_t(e,In):il(e,In))}const Mi=new WeakMap;function Li(e,t,r){let n=t+r,l=Mi.get(e);n!=l&&(Mi.set(e,n),e.style.background=t,e.style.borderColor=r)}const Ui=new WeakMap;function Oi(e,t,r,n){let l=t+""+r,s=Ui.get(e);l!=s&&(Ui.set(e,l),e.style.height=r+"px",e.style.width=t+"px",e.style.marginLeft=n?-t/2+"px":0,e.style.marginTop=n?-r/2+"px":0)}const Sl={passive:!0},zd={...Sl,capture:!0};function Dn(e,t,r,n){t.addEventListener(e,r,n?zd:Sl)}function sl(e,t,r,n){t.removeEventListener(e,r,Sl)}ar&&ll();function Ut(e,t,r,n){let l;r=r||0,n=n||t.length-1;let s=n<=2147483647;for(;n-r>1;)l=s?r+n>>1:wt((r+n)/2),t[l]<e?r=l:n=l;return e-t[r]<=t[n]-e?r:n}function Us(e){return(r,n,l)=>{let s=-1,c=-1;for(let f=n;f<=l;f++)if(e(r[f])){s=f;break}for(let f=l;f>=n;f--)if(e(r[f])){c=f;break}return[s,c]}}const Os=e=>e!=null,qs=e=>e!=null&&e>0,co=Us(Os),Kd=Us(qs);function Gd(e,t,r,n=0,l=!1){let s=l?Kd:co,c=l?qs:Os;[t,r]=s(e,t,r);let f=e[t],m=e[t];if(t>-1)if(n==1)f=e[t],m=e[r];else if(n==-1)f=e[r],m=e[t];else for(let d=t;d<=r;d++){let w=e[d];c(w)&&(w<f?f=w:w>m&&(m=w))}return[f??we,m??-we]}function uo(e,t,r,n){let l=Fi(e),s=Fi(t);e==t&&(l==-1?(e*=r,t/=r):(e/=r,t*=r));let c=r==10?en:Bs,f=l==1?wt:Dt,m=s==1?Dt:wt,d=f(c(He(e))),w=m(c(He(t))),g=or(r,d),u=or(r,w);return r==10&&(d<0&&(g=be(g,-d)),w<0&&(u=be(u,-w))),n||r==2?(e=g*l,t=u*s):(e=Vs(e,g),t=fo(t,u)),[e,t]}function kl(e,t,r,n){let l=uo(e,t,r,n);return e==0&&(l[0]=0),t==0&&(l[1]=0),l}const Al=.1,qi={mode:3,pad:Al},$r={pad:0,soft:null,mode:0},jd={min:$r,max:$r};function lo(e,t,r,n){return ho(r)?Bi(e,t,r):($r.pad=r,$r.soft=n?0:null,$r.mode=n?3:0,Bi(e,t,jd))}function fe(e,t){return e??t}function Yd(e,t,r){for(t=fe(t,0),r=fe(r,e.length-1);t<=r;){if(e[t]!=null)return!0;t++}return!1}function Bi(e,t,r){let n=r.min,l=r.max,s=fe(n.pad,0),c=fe(l.pad,0),f=fe(n.hard,-we),m=fe(l.hard,we),d=fe(n.soft,we),w=fe(l.soft,-we),g=fe(n.mode,0),u=fe(l.mode,0),y=t-e,v=en(y),b=at(He(e),He(t)),A=en(b),C=He(A-v);(y<1e-24||C>10)&&(y=0,(e==0||t==0)&&(y=1e-24,g==2&&d!=we&&(s=0),u==2&&w!=-we&&(c=0)));let k=y||b||1e3,D=en(k),I=or(10,wt(D)),M=k*(y==0?e==0?.1:1:s),P=be(Vs(e-M,I/10),24),J=e>=d&&(g==1||g==3&&P<=d||g==2&&P>=d)?d:we,W=at(f,P<J&&e>=J?J:Ot(J,P)),G=k*(y==0?t==0?.1:1:c),V=be(fo(t+G,I/10),24),R=t<=w&&(u==1||u==3&&V>=w||u==2&&V<=w)?w:-we,L=Ot(m,V>R&&t<=R?R:at(R,V));return W==L&&W==0&&(L=100),[W,L]}const Qd=new Intl.NumberFormat(ar?Vd.language:"en-US"),Cl=e=>Qd.format(e),bt=Math,Zr=bt.PI,He=bt.abs,wt=bt.floor,Fe=bt.round,Dt=bt.ceil,Ot=bt.min,at=bt.max,or=bt.pow,Fi=bt.sign,en=bt.log10,Bs=bt.log2,Jd=(e,t=1)=>bt.sinh(e)*t,Go=(e,t=1)=>bt.asinh(e/t),we=1/0;function Hi(e){return(en((e^e>>31)-(e>>31))|0)+1}function al(e,t,r){return Ot(at(e,t),r)}function Fs(e){return typeof e=="function"}function ue(e){return Fs(e)?e:()=>e}const Zd=()=>{},Hs=e=>e,Ws=(e,t)=>t,Xd=e=>null,Wi=e=>!0,Vi=(e,t)=>e==t,ef=/\.\d*?(?=9{6,}|0{6,})/gm,Pn=e=>{if(Ks(e)||dn.has(e))return e;const t=`${e}`,r=t.match(ef);if(r==null)return e;let n=r[0].length-1;if(t.indexOf("e-")!=-1){let[l,s]=t.split("e");return+`${Pn(l)}e${s}`}return be(e,n)};function Cn(e,t){return Pn(be(Pn(e/t))*t)}function fo(e,t){return Pn(Dt(Pn(e/t))*t)}function Vs(e,t){return Pn(wt(Pn(e/t))*t)}function be(e,t=0){if(Ks(e))return e;let r=10**t,n=e*r*(1+Number.EPSILON);return Fe(n)/r}const dn=new Map;function zs(e){return((""+e).split(".")[1]||"").length}function Dr(e,t,r,n){let l=[],s=n.map(zs);for(let c=t;c<r;c++){let f=He(c),m=be(or(e,c),f);for(let d=0;d<n.length;d++){let w=e==10?+`${n[d]}e${c}`:n[d]*m,g=(c>=0?0:f)+(c>=s[d]?0:s[d]),u=e==10?w:be(w,g);l.push(u),dn.set(u,g)}}return l}const Ir={},$l=[],lr=[null,null],un=Array.isArray,Ks=Number.isInteger,tf=e=>e===void 0;function zi(e){return typeof e=="string"}function ho(e){let t=!1;if(e!=null){let r=e.constructor;t=r==null||r==Object}return t}function nf(e){return e!=null&&typeof e=="object"}const rf=Object.getPrototypeOf(Uint8Array),Gs="__proto__";function ir(e,t=ho){let r;if(un(e)){let n=e.find(l=>l!=null);if(un(n)||t(n)){r=Array(e.length);for(let l=0;l<e.length;l++)r[l]=ir(e[l],t)}else r=e.slice()}else if(e instanceof rf)r=e.slice();else if(t(e)){r={};for(let n in e)n!=Gs&&(r[n]=ir(e[n],t))}else r=e;return r}function qe(e){let t=arguments;for(let r=1;r<t.length;r++){let n=t[r];for(let l in n)l!=Gs&&(ho(e[l])?qe(e[l],ir(n[l])):e[l]=ir(n[l]))}return e}const of=0,lf=1,sf=2;function af(e,t,r){for(let n=0,l,s=-1;n<t.length;n++){let c=t[n];if(c>s){for(l=c-1;l>=0&&e[l]==null;)e[l--]=null;for(l=c+1;l<r&&e[l]==null;)e[s=l++]=null}}}function cf(e,t){if(ff(e)){let c=e[0].slice();for(let f=1;f<e.length;f++)c.push(...e[f].slice(1));return hf(c[0])||(c=df(c)),c}let r=new Set;for(let c=0;c<e.length;c++){let m=e[c][0],d=m.length;for(let w=0;w<d;w++)r.add(m[w])}let n=[Array.from(r).sort((c,f)=>c-f)],l=n[0].length,s=new Map;for(let c=0;c<l;c++)s.set(n[0][c],c);for(let c=0;c<e.length;c++){let f=e[c],m=f[0];for(let d=1;d<f.length;d++){let w=f[d],g=Array(l).fill(void 0),u=t?t[c][d]:lf,y=[];for(let v=0;v<w.length;v++){let b=w[v],A=s.get(m[v]);b===null?u!=of&&(g[A]=b,u==sf&&y.push(A)):g[A]=b}af(g,y,l),n.push(g)}}return n}const uf=typeof queueMicrotask>"u"?e=>Promise.resolve().then(e):queueMicrotask;function df(e){let t=e[0],r=t.length,n=Array(r);for(let s=0;s<n.length;s++)n[s]=s;n.sort((s,c)=>t[s]-t[c]);let l=[];for(let s=0;s<e.length;s++){let c=e[s],f=Array(r);for(let m=0;m<r;m++)f[m]=c[n[m]];l.push(f)}return l}function ff(e){let t=e[0][0],r=t.length;for(let n=1;n<e.length;n++){let l=e[n][0];if(l.length!=r)return!1;if(l!=t){for(let s=0;s<r;s++)if(l[s]!=t[s])return!1}}return!0}function hf(e,t=100){const r=e.length;if(r<=1)return!0;let n=0,l=r-1;for(;n<=l&&e[n]==null;)n++;for(;l>=n&&e[l]==null;)l--;if(l<=n)return!0;const s=at(1,wt((l-n+1)/t));for(let c=e[n],f=n+s;f<=l;f+=s){const m=e[f];if(m!=null){if(m<=c)return!1;c=m}}return!0}const js=["January","February","March","April","May","June","July","August","September","October","November","December"],Ys=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Qs(e){return e.slice(0,3)}const pf=Ys.map(Qs),mf=js.map(Qs),gf={MMMM:js,MMM:mf,WWWW:Ys,WWW:pf};function vr(e){return(e<10?"0":"")+e}function yf(e){return(e<10?"00":e<100?"0":"")+e}const _f={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+"").slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>vr(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>vr(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>vr(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?"PM":"AM",aa:e=>e.getHours()>=12?"pm":"am",a:e=>e.getHours()>=12?"p":"a",mm:e=>vr(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>vr(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>yf(e.getMilliseconds())};function Il(e,t){t=t||gf;let r=[],n=/\{([a-z]+)\}|[^{]+/gi,l;for(;l=n.exec(e);)r.push(l[0][0]=="{"?_f[l[1]]:l[0]);return s=>{let c="";for(let f=0;f<r.length;f++)c+=typeof r[f]=="string"?r[f]:r[f](s,t);return c}}const wf=new Intl.DateTimeFormat().resolvedOptions().timeZone;function bf(e,t){let r;return t=="UTC"||t=="Etc/UTC"?r=new Date(+e+e.getTimezoneOffset()*6e4):t==wf?r=e:(r=new Date(e.toLocaleString("en-US",{timeZone:t})),r.setMilliseconds(e.getMilliseconds())),r}const Js=e=>e%1==0,io=[1,2,2.5,5],vf=Dr(10,-32,0,io),Zs=Dr(10,0,32,io),Sf=Zs.filter(Js),$n=vf.concat(Zs),El=`
`,Xs="{YYYY}",Ki=El+Xs,ea="{M}/{D}",Ar=El+ea,Wr=Ar+"/{YY}",ta="{aa}",kf="{h}:{mm}",Xn=kf+ta,Gi=El+Xn,ji=":{ss}",me=null;function na(e){let t=e*1e3,r=t*60,n=r*60,l=n*24,s=l*30,c=l*365,m=(e==1?Dr(10,0,3,io).filter(Js):Dr(10,-3,0,io)).concat([t,t*5,t*10,t*15,t*30,r,r*5,r*10,r*15,r*30,n,n*2,n*3,n*4,n*6,n*8,n*12,l,l*2,l*3,l*4,l*5,l*6,l*7,l*8,l*9,l*10,l*15,s,s*2,s*3,s*4,s*6,c,c*2,c*5,c*10,c*25,c*50,c*100]);const d=[[c,Xs,me,me,me,me,me,me,1],[l*28,"{MMM}",Ki,me,me,me,me,me,1],[l,ea,Ki,me,me,me,me,me,1],[n,"{h}"+ta,Wr,me,Ar,me,me,me,1],[r,Xn,Wr,me,Ar,me,me,me,1],[t,ji,Wr+" "+Xn,me,Ar+" "+Xn,me,Gi,me,1],[e,ji+".{fff}",Wr+" "+Xn,me,Ar+" "+Xn,me,Gi,me,1]];function w(g){return(u,y,v,b,A,C)=>{let k=[],D=A>=c,I=A>=s&&A<c,M=g(v),P=be(M*e,3),J=jo(M.getFullYear(),D?0:M.getMonth(),I||D?1:M.getDate()),W=be(J*e,3);if(I||D){let G=I?A/s:0,V=D?A/c:0,R=P==W?P:be(jo(J.getFullYear()+V,J.getMonth()+G,1)*e,3),L=new Date(Fe(R/e)),U=L.getFullYear(),j=L.getMonth();for(let T=0;R<=b;T++){let K=jo(U+V*T,j+G*T,1),x=K-g(be(K*e,3));R=be((+K+x)*e,3),R<=b&&k.push(R)}}else{let G=A>=l?l:A,V=wt(v)-wt(P),R=W+V+fo(P-W,G);k.push(R);let L=g(R),U=L.getHours()+L.getMinutes()/r+L.getSeconds()/n,j=A/n,T=u.axes[y]._space,K=C/T;for(;R=be(R+A,e==1?0:3),!(R>b);)if(j>1){let x=wt(be(U+j,6))%24,oe=g(R).getHours()-x;oe>1&&(oe=-1),R-=oe*n,U=(U+j)%24;let Y=k[k.length-1];be((R-Y)/A,3)*K>=.7&&k.push(R)}else k.push(R)}return k}}return[m,d,w]}const[Af,Cf,$f]=na(1),[If,Ef,Df]=na(.001);Dr(2,-53,53,[1]);function Yi(e,t){return e.map(r=>r.map((n,l)=>l==0||l==8||n==null?n:t(l==1||r[8]==0?n:r[1]+n)))}function Qi(e,t){return(r,n,l,s,c)=>{let f=t.find(v=>c>=v[0])||t[t.length-1],m,d,w,g,u,y;return n.map(v=>{let b=e(v),A=b.getFullYear(),C=b.getMonth(),k=b.getDate(),D=b.getHours(),I=b.getMinutes(),M=b.getSeconds(),P=A!=m&&f[2]||C!=d&&f[3]||k!=w&&f[4]||D!=g&&f[5]||I!=u&&f[6]||M!=y&&f[7]||f[1];return m=A,d=C,w=k,g=D,u=I,y=M,P(b)})}}function Tf(e,t){let r=Il(t);return(n,l,s,c,f)=>l.map(m=>r(e(m)))}function jo(e,t,r){return new Date(e,t,r)}function Ji(e,t){return t(e)}const Pf="{YYYY}-{MM}-{DD} {h}:{mm}{aa}";function Zi(e,t){return(r,n,l,s)=>s==null?vl:t(e(n))}function xf(e,t){let r=e.series[t];return r.width?r.stroke(e,t):r.points.width?r.points.stroke(e,t):null}function Rf(e,t){return e.series[t].fill(e,t)}const Nf={show:!0,live:!0,isolate:!1,mount:Zd,markers:{show:!0,width:2,stroke:xf,fill:Rf,dash:"solid"},idx:null,idxs:null,values:[]};function Mf(e,t){let r=e.cursor.points,n=Et(),l=r.size(e,t);Ee(n,Sr,l),Ee(n,kr,l);let s=l/-2;Ee(n,"marginLeft",s),Ee(n,"marginTop",s);let c=r.width(e,t,l);return c&&Ee(n,"borderWidth",c),n}function Lf(e,t){let r=e.series[t].points;return r._fill||r._stroke}function Uf(e,t){let r=e.series[t].points;return r._stroke||r._fill}function Of(e,t){return e.series[t].points.size}const Yo=[0,0];function qf(e,t,r){return Yo[0]=t,Yo[1]=r,Yo}function Vr(e,t,r,n=!0){return l=>{l.button==0&&(!n||l.target==t)&&r(l)}}function Qo(e,t,r,n=!0){return l=>{(!n||l.target==t)&&r(l)}}const Bf={show:!0,x:!0,y:!0,lock:!1,move:qf,points:{one:!1,show:Mf,size:Of,width:0,stroke:Uf,fill:Lf},bind:{mousedown:Vr,mouseup:Vr,click:Vr,dblclick:Vr,mousemove:Qo,mouseleave:Qo,mouseenter:Qo},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,r,n,l)=>n-l,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},ra={show:!0,stroke:"rgba(0,0,0,0.07)",width:2},Dl=qe({},ra,{filter:Ws}),oa=qe({},Dl,{size:10}),la=qe({},ra,{show:!1}),Tl='12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"',ia="bold "+Tl,sa=1.5,Xi={show:!0,scale:"x",stroke:bl,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:ia,side:2,grid:Dl,ticks:oa,border:la,font:Tl,lineGap:sa,rotate:0},Ff="Value",Hf="Time",es={show:!0,scale:"x",auto:!1,sorted:1,min:we,max:-we,idxs:[]};function Wf(e,t,r,n,l){return t.map(s=>s==null?"":Cl(s))}function Vf(e,t,r,n,l,s,c){let f=[],m=dn.get(l)||0;r=c?r:be(fo(r,l),m);for(let d=r;d<=n;d=be(d+l,m))f.push(Object.is(d,-0)?0:d);return f}function cl(e,t,r,n,l,s,c){const f=[],m=e.scales[e.axes[t].scale].log,d=m==10?en:Bs,w=wt(d(r));l=or(m,w),m==10&&(l=$n[Ut(l,$n)]);let g=r,u=l*m;m==10&&(u=$n[Ut(u,$n)]);do f.push(g),g=g+l,m==10&&!dn.has(g)&&(g=be(g,dn.get(l))),g>=u&&(l=g,u=l*m,m==10&&(u=$n[Ut(u,$n)]));while(g<=n);return f}function zf(e,t,r,n,l,s,c){let m=e.scales[e.axes[t].scale].asinh,d=n>m?cl(e,t,at(m,r),n,l):[m],w=n>=0&&r<=0?[0]:[];return(r<-m?cl(e,t,at(m,-n),-r,l):[m]).reverse().map(u=>-u).concat(w,d)}const aa=/./,Kf=/[12357]/,Gf=/[125]/,ts=/1/,ul=(e,t,r,n)=>e.map((l,s)=>t==4&&l==0||s%n==0&&r.test(l.toExponential()[l<0?1:0])?l:null);function jf(e,t,r,n,l){let s=e.axes[r],c=s.scale,f=e.scales[c],m=e.valToPos,d=s._space,w=m(10,c),g=m(9,c)-w>=d?aa:m(7,c)-w>=d?Kf:m(5,c)-w>=d?Gf:ts;if(g==ts){let u=He(m(1,c)-w);if(u<d)return ul(t.slice().reverse(),f.distr,g,Dt(d/u)).reverse()}return ul(t,f.distr,g,1)}function Yf(e,t,r,n,l){let s=e.axes[r],c=s.scale,f=s._space,m=e.valToPos,d=He(m(1,c)-m(2,c));return d<f?ul(t.slice().reverse(),3,aa,Dt(f/d)).reverse():t}function Qf(e,t,r,n){return n==null?vl:t==null?"":Cl(t)}const ns={show:!0,scale:"y",stroke:bl,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:ia,side:3,grid:Dl,ticks:oa,border:la,font:Tl,lineGap:sa,rotate:0};function Jf(e,t){let r=3+(e||1)*2;return be(r*t,3)}function Zf(e,t){let{scale:r,idxs:n}=e.series[0],l=e._data[0],s=e.valToPos(l[n[0]],r,!0),c=e.valToPos(l[n[1]],r,!0),f=He(c-s),m=e.series[t],d=f/(m.points.space*pe);return n[1]-n[0]<=d}const rs={scale:null,auto:!0,sorted:0,min:we,max:-we},ca=(e,t,r,n,l)=>l,os={show:!0,auto:!0,sorted:0,gaps:ca,alpha:1,facets:[qe({},rs,{scale:"x"}),qe({},rs,{scale:"y"})]},ls={scale:"y",auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:ca,alpha:1,points:{show:Zf,filter:null},values:null,min:we,max:-we,idxs:[],path:null,clip:null};function Xf(e,t,r,n,l){return r/10}const ua={time:kd,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},eh=qe({},ua,{time:!1,ori:1}),is={};function da(e,t){let r=is[e];return r||(r={key:e,plots:[],sub(n){r.plots.push(n)},unsub(n){r.plots=r.plots.filter(l=>l!=n)},pub(n,l,s,c,f,m,d){for(let w=0;w<r.plots.length;w++)r.plots[w]!=l&&r.plots[w].pub(n,l,s,c,f,m,d)}},e!=null&&(is[e]=r)),r}const sr=1,dl=2;function xn(e,t,r){const n=e.mode,l=e.series[t],s=n==2?e._data[t]:e._data,c=e.scales,f=e.bbox;let m=s[0],d=n==2?s[1]:s[t],w=n==2?c[l.facets[0].scale]:c[e.series[0].scale],g=n==2?c[l.facets[1].scale]:c[l.scale],u=f.left,y=f.top,v=f.width,b=f.height,A=e.valToPosH,C=e.valToPosV;return w.ori==0?r(l,m,d,w,g,A,C,u,y,v,b,mo,cr,yo,ha,ma):r(l,m,d,w,g,C,A,y,u,b,v,go,ur,Rl,pa,ga)}function Pl(e,t){let r=0,n=0,l=fe(e.bands,$l);for(let s=0;s<l.length;s++){let c=l[s];c.series[0]==t?r=c.dir:c.series[1]==t&&(c.dir==1?n|=1:n|=2)}return[r,n==1?-1:n==2?1:n==3?2:0]}function th(e,t,r,n,l){let s=e.mode,c=e.series[t],f=s==2?c.facets[1].scale:c.scale,m=e.scales[f];return l==-1?m.min:l==1?m.max:m.distr==3?m.dir==1?m.min:m.max:0}function tn(e,t,r,n,l,s){return xn(e,t,(c,f,m,d,w,g,u,y,v,b,A)=>{let C=c.pxRound;const k=d.dir*(d.ori==0?1:-1),D=d.ori==0?cr:ur;let I,M;k==1?(I=r,M=n):(I=n,M=r);let P=C(g(f[I],d,b,y)),J=C(u(m[I],w,A,v)),W=C(g(f[M],d,b,y)),G=C(u(s==1?w.max:w.min,w,A,v)),V=new Path2D(l);return D(V,W,G),D(V,P,G),D(V,P,J),V})}function po(e,t,r,n,l,s){let c=null;if(e.length>0){c=new Path2D;const f=t==0?yo:Rl;let m=r;for(let g=0;g<e.length;g++){let u=e[g];if(u[1]>u[0]){let y=u[0]-m;y>0&&f(c,m,n,y,n+s),m=u[1]}}let d=r+l-m,w=10;d>0&&f(c,m,n-w/2,d,n+s+w)}return c}function nh(e,t,r){let n=e[e.length-1];n&&n[0]==t?n[1]=r:e.push([t,r])}function xl(e,t,r,n,l,s,c){let f=[],m=e.length;for(let d=l==1?r:n;d>=r&&d<=n;d+=l)if(t[d]===null){let g=d,u=d;if(l==1)for(;++d<=n&&t[d]===null;)u=d;else for(;--d>=r&&t[d]===null;)u=d;let y=s(e[g]),v=u==g?y:s(e[u]),b=g-l;y=c<=0&&b>=0&&b<m?s(e[b]):y;let C=u+l;v=c>=0&&C>=0&&C<m?s(e[C]):v,v>=y&&f.push([y,v])}return f}function ss(e){return e==0?Hs:e==1?Fe:t=>Cn(t,e)}function fa(e){let t=e==0?mo:go,r=e==0?(l,s,c,f,m,d)=>{l.arcTo(s,c,f,m,d)}:(l,s,c,f,m,d)=>{l.arcTo(c,s,m,f,d)},n=e==0?(l,s,c,f,m)=>{l.rect(s,c,f,m)}:(l,s,c,f,m)=>{l.rect(c,s,m,f)};return(l,s,c,f,m,d=0,w=0)=>{d==0&&w==0?n(l,s,c,f,m):(d=Ot(d,f/2,m/2),w=Ot(w,f/2,m/2),t(l,s+d,c),r(l,s+f,c,s+f,c+m,d),r(l,s+f,c+m,s,c+m,w),r(l,s,c+m,s,c,w),r(l,s,c,s+f,c,d),l.closePath())}}const mo=(e,t,r)=>{e.moveTo(t,r)},go=(e,t,r)=>{e.moveTo(r,t)},cr=(e,t,r)=>{e.lineTo(t,r)},ur=(e,t,r)=>{e.lineTo(r,t)},yo=fa(0),Rl=fa(1),ha=(e,t,r,n,l,s)=>{e.arc(t,r,n,l,s)},pa=(e,t,r,n,l,s)=>{e.arc(r,t,n,l,s)},ma=(e,t,r,n,l,s,c)=>{e.bezierCurveTo(t,r,n,l,s,c)},ga=(e,t,r,n,l,s,c)=>{e.bezierCurveTo(r,t,l,n,c,s)};function ya(e){return(t,r,n,l,s)=>xn(t,r,(c,f,m,d,w,g,u,y,v,b,A)=>{let{pxRound:C,points:k}=c,D,I;d.ori==0?(D=mo,I=ha):(D=go,I=pa);const M=be(k.width*pe,3);let P=(k.size-k.width)/2*pe,J=be(P*2,3),W=new Path2D,G=new Path2D,{left:V,top:R,width:L,height:U}=t.bbox;yo(G,V-J,R-J,L+J*2,U+J*2);const j=T=>{if(m[T]!=null){let K=C(g(f[T],d,b,y)),x=C(u(m[T],w,A,v));D(W,K+P,x),I(W,K,x,P,0,Zr*2)}};if(s)s.forEach(j);else for(let T=n;T<=l;T++)j(T);return{stroke:M>0?W:null,fill:W,clip:G,flags:sr|dl}})}function _a(e){return(t,r,n,l,s,c)=>{n!=l&&(s!=n&&c!=n&&e(t,r,n),s!=l&&c!=l&&e(t,r,l),e(t,r,c))}}const rh=_a(cr),oh=_a(ur);function wa(e){const t=fe(e==null?void 0:e.alignGaps,0);return(r,n,l,s)=>xn(r,n,(c,f,m,d,w,g,u,y,v,b,A)=>{[l,s]=co(m,l,s);let C=c.pxRound,k=U=>C(g(U,d,b,y)),D=U=>C(u(U,w,A,v)),I,M;d.ori==0?(I=cr,M=rh):(I=ur,M=oh);const P=d.dir*(d.ori==0?1:-1),J={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:sr},W=J.stroke;let G=!1;if(s-l>=b*4){let U=z=>r.posToVal(z,d.key,!0),j=null,T=null,K,x,re,Z=k(f[P==1?l:s]),oe=k(f[l]),Y=k(f[s]),le=U(P==1?oe+1:Y-1);for(let z=P==1?l:s;z>=l&&z<=s;z+=P){let De=f[z],se=(P==1?De<le:De>le)?Z:k(De),X=m[z];se==Z?X!=null?(x=X,j==null?(I(W,se,D(x)),K=j=T=x):x<j?j=x:x>T&&(T=x)):X===null&&(G=!0):(j!=null&&M(W,Z,D(j),D(T),D(K),D(x)),X!=null?(x=X,I(W,se,D(x)),j=T=K=x):(j=T=null,X===null&&(G=!0)),Z=se,le=U(Z+P))}j!=null&&j!=T&&re!=Z&&M(W,Z,D(j),D(T),D(K),D(x))}else for(let U=P==1?l:s;U>=l&&U<=s;U+=P){let j=m[U];j===null?G=!0:j!=null&&I(W,k(f[U]),D(j))}let[R,L]=Pl(r,n);if(c.fill!=null||R!=0){let U=J.fill=new Path2D(W),j=c.fillTo(r,n,c.min,c.max,R),T=D(j),K=k(f[l]),x=k(f[s]);P==-1&&([x,K]=[K,x]),I(U,x,T),I(U,K,T)}if(!c.spanGaps){let U=[];G&&U.push(...xl(f,m,l,s,P,k,t)),J.gaps=U=c.gaps(r,n,l,s,U),J.clip=po(U,d.ori,y,v,b,A)}return L!=0&&(J.band=L==2?[tn(r,n,l,s,W,-1),tn(r,n,l,s,W,1)]:tn(r,n,l,s,W,L)),J})}function lh(e){const t=fe(e.align,1),r=fe(e.ascDesc,!1),n=fe(e.alignGaps,0),l=fe(e.extend,!1);return(s,c,f,m)=>xn(s,c,(d,w,g,u,y,v,b,A,C,k,D)=>{[f,m]=co(g,f,m);let I=d.pxRound,{left:M,width:P}=s.bbox,J=oe=>I(v(oe,u,k,A)),W=oe=>I(b(oe,y,D,C)),G=u.ori==0?cr:ur;const V={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:sr},R=V.stroke,L=u.dir*(u.ori==0?1:-1);let U=W(g[L==1?f:m]),j=J(w[L==1?f:m]),T=j,K=j;l&&t==-1&&(K=M,G(R,K,U)),G(R,j,U);for(let oe=L==1?f:m;oe>=f&&oe<=m;oe+=L){let Y=g[oe];if(Y==null)continue;let le=J(w[oe]),z=W(Y);t==1?G(R,le,U):G(R,T,z),G(R,le,z),U=z,T=le}let x=T;l&&t==1&&(x=M+P,G(R,x,U));let[re,Z]=Pl(s,c);if(d.fill!=null||re!=0){let oe=V.fill=new Path2D(R),Y=d.fillTo(s,c,d.min,d.max,re),le=W(Y);G(oe,x,le),G(oe,K,le)}if(!d.spanGaps){let oe=[];oe.push(...xl(w,g,f,m,L,J,n));let Y=d.width*pe/2,le=r||t==1?Y:-Y,z=r||t==-1?-Y:Y;oe.forEach(De=>{De[0]+=le,De[1]+=z}),V.gaps=oe=d.gaps(s,c,f,m,oe),V.clip=po(oe,u.ori,A,C,k,D)}return Z!=0&&(V.band=Z==2?[tn(s,c,f,m,R,-1),tn(s,c,f,m,R,1)]:tn(s,c,f,m,R,Z)),V})}function as(e,t,r,n,l,s,c=we){if(e.length>1){let f=null;for(let m=0,d=1/0;m<e.length;m++)if(t[m]!==void 0){if(f!=null){let w=He(e[m]-e[f]);w<d&&(d=w,c=He(r(e[m],n,l,s)-r(e[f],n,l,s)))}f=m}}return c}function ih(e){e=e||Ir;const t=fe(e.size,[.6,we,1]),r=e.align||0,n=e.gap||0;let l=e.radius;l=l==null?[0,0]:typeof l=="number"?[l,0]:l;const s=ue(l),c=1-t[0],f=fe(t[1],we),m=fe(t[2],1),d=fe(e.disp,Ir),w=fe(e.each,y=>{}),{fill:g,stroke:u}=d;return(y,v,b,A)=>xn(y,v,(C,k,D,I,M,P,J,W,G,V,R)=>{let L=C.pxRound,U=r,j=n*pe,T=f*pe,K=m*pe,x,re;I.ori==0?[x,re]=s(y,v):[re,x]=s(y,v);const Z=I.dir*(I.ori==0?1:-1);let oe=I.ori==0?yo:Rl,Y=I.ori==0?w:(F,ke,Be,Ln,mn,Ft,gn)=>{w(F,ke,Be,mn,Ln,gn,Ft)},le=fe(y.bands,$l).find(F=>F.series[0]==v),z=le!=null?le.dir:0,De=C.fillTo(y,v,C.min,C.max,z),xe=L(J(De,M,R,G)),se,X,vt,rt=V,Pe=L(C.width*pe),Bt=!1,Qt=null,St=null,nn=null,Rn=null;g!=null&&(Pe==0||u!=null)&&(Bt=!0,Qt=g.values(y,v,b,A),St=new Map,new Set(Qt).forEach(F=>{F!=null&&St.set(F,new Path2D)}),Pe>0&&(nn=u.values(y,v,b,A),Rn=new Map,new Set(nn).forEach(F=>{F!=null&&Rn.set(F,new Path2D)})));let{x0:Nn,size:dr}=d;if(Nn!=null&&dr!=null){U=1,k=Nn.values(y,v,b,A),Nn.unit==2&&(k=k.map(Be=>y.posToVal(W+Be*V,I.key,!0)));let F=dr.values(y,v,b,A);dr.unit==2?X=F[0]*V:X=P(F[0],I,V,W)-P(0,I,V,W),rt=as(k,D,P,I,V,W,rt),vt=rt-X+j}else rt=as(k,D,P,I,V,W,rt),vt=rt*c+j,X=rt-vt;vt<1&&(vt=0),Pe>=X/2&&(Pe=0),vt<5&&(L=Hs);let Tr=vt>0,hn=rt-vt-(Tr?Pe:0);X=L(al(hn,K,T)),se=(U==0?X/2:U==Z?0:X)-U*Z*((U==0?j/2:0)+(Tr?Pe/2:0));const ot={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},Mn=Bt?null:new Path2D;let Jt=null;if(le!=null)Jt=y.data[le.series[1]];else{let{y0:F,y1:ke}=d;F!=null&&ke!=null&&(D=ke.values(y,v,b,A),Jt=F.values(y,v,b,A))}let pn=x*X,ae=re*X;for(let F=Z==1?b:A;F>=b&&F<=A;F+=Z){let ke=D[F];if(ke==null)continue;if(Jt!=null){let ct=Jt[F]??0;if(ke-ct==0)continue;xe=J(ct,M,R,G)}let Be=I.distr!=2||d!=null?k[F]:F,Ln=P(Be,I,V,W),mn=J(fe(ke,De),M,R,G),Ft=L(Ln-se),gn=L(at(mn,xe)),ht=L(Ot(mn,xe)),kt=gn-ht;if(ke!=null){let ct=ke<0?ae:pn,xt=ke<0?pn:ae;Bt?(Pe>0&&nn[F]!=null&&oe(Rn.get(nn[F]),Ft,ht+wt(Pe/2),X,at(0,kt-Pe),ct,xt),Qt[F]!=null&&oe(St.get(Qt[F]),Ft,ht+wt(Pe/2),X,at(0,kt-Pe),ct,xt)):oe(Mn,Ft,ht+wt(Pe/2),X,at(0,kt-Pe),ct,xt),Y(y,v,F,Ft-Pe/2,ht,X+Pe,kt)}}return Pe>0?ot.stroke=Bt?Rn:Mn:Bt||(ot._fill=C.width==0?C._fill:C._stroke??C._fill,ot.width=0),ot.fill=Bt?St:Mn,ot})}function sh(e,t){const r=fe(t==null?void 0:t.alignGaps,0);return(n,l,s,c)=>xn(n,l,(f,m,d,w,g,u,y,v,b,A,C)=>{[s,c]=co(d,s,c);let k=f.pxRound,D=x=>k(u(x,w,A,v)),I=x=>k(y(x,g,C,b)),M,P,J;w.ori==0?(M=mo,J=cr,P=ma):(M=go,J=ur,P=ga);const W=w.dir*(w.ori==0?1:-1);let G=D(m[W==1?s:c]),V=G,R=[],L=[];for(let x=W==1?s:c;x>=s&&x<=c;x+=W)if(d[x]!=null){let Z=m[x],oe=D(Z);R.push(V=oe),L.push(I(d[x]))}const U={stroke:e(R,L,M,J,P,k),fill:null,clip:null,band:null,gaps:null,flags:sr},j=U.stroke;let[T,K]=Pl(n,l);if(f.fill!=null||T!=0){let x=U.fill=new Path2D(j),re=f.fillTo(n,l,f.min,f.max,T),Z=I(re);J(x,V,Z),J(x,G,Z)}if(!f.spanGaps){let x=[];x.push(...xl(m,d,s,c,W,D,r)),U.gaps=x=f.gaps(n,l,s,c,x),U.clip=po(x,w.ori,v,b,A,C)}return K!=0&&(U.band=K==2?[tn(n,l,s,c,j,-1),tn(n,l,s,c,j,1)]:tn(n,l,s,c,j,K)),U})}function ah(e){return sh(ch,e)}function ch(e,t,r,n,l,s){const c=e.length;if(c<2)return null;const f=new Path2D;if(r(f,e[0],t[0]),c==2)n(f,e[1],t[1]);else{let m=Array(c),d=Array(c-1),w=Array(c-1),g=Array(c-1);for(let u=0;u<c-1;u++)w[u]=t[u+1]-t[u],g[u]=e[u+1]-e[u],d[u]=w[u]/g[u];m[0]=d[0];for(let u=1;u<c-1;u++)d[u]===0||d[u-1]===0||d[u-1]>0!=d[u]>0?m[u]=0:(m[u]=3*(g[u-1]+g[u])/((2*g[u]+g[u-1])/d[u-1]+(g[u]+2*g[u-1])/d[u]),isFinite(m[u])||(m[u]=0));m[c-1]=d[c-2];for(let u=0;u<c-1;u++)l(f,e[u]+g[u]/3,t[u]+m[u]*g[u]/3,e[u+1]-g[u]/3,t[u+1]-m[u+1]*g[u]/3,e[u+1],t[u+1])}return f}const fl=new Set;function cs(){for(let e of fl)e.syncRect(!0)}ar&&(Dn(Hd,nr,cs),Dn(Wd,nr,cs,!0),Dn(oo,nr,()=>{nt.pxRatio=pe}));const uh=wa(),dh=ya();function us(e,t,r,n){return(n?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((s,c)=>hl(s,c,t,r))}function fh(e,t){return e.map((r,n)=>n==0?{}:qe({},t,r))}function hl(e,t,r,n){return qe({},t==0?r:n,e)}function ba(e,t,r){return t==null?lr:[t,r]}const hh=ba;function ph(e,t,r){return t==null?lr:lo(t,r,Al,!0)}function va(e,t,r,n){return t==null?lr:uo(t,r,e.scales[n].log,!1)}const mh=va;function Sa(e,t,r,n){return t==null?lr:kl(t,r,e.scales[n].log,!1)}const gh=Sa;function yh(e,t,r,n,l){let s=at(Hi(e),Hi(t)),c=t-e,f=Ut(l/n*c,r);do{let m=r[f],d=n*m/c;if(d>=l&&s+(m<5?dn.get(m):0)<=17)return[m,d]}while(++f<r.length);return[0,0]}function ds(e){let t,r;return e=e.replace(/(\d+)px/,(n,l)=>(t=Fe((r=+l)*pe))+"px"),[e,t,r]}function _h(e){e.show&&[e.font,e.labelFont].forEach(t=>{let r=be(t[2]*pe,1);t[0]=t[0].replace(/[0-9.]+px/,r+"px"),t[1]=r})}function nt(e,t,r){const n={mode:fe(e.mode,1)},l=n.mode;function s(i,a,h,p){let _=a.valToPct(i);return p+h*(a.dir==-1?1-_:_)}function c(i,a,h,p){let _=a.valToPct(i);return p+h*(a.dir==-1?_:1-_)}function f(i,a,h,p){return a.ori==0?s(i,a,h,p):c(i,a,h,p)}n.valToPosH=s,n.valToPosV=c;let m=!1;n.status=0;const d=n.root=Et(Ad);if(e.id!=null&&(d.id=e.id),_t(d,e.class),e.title){let i=Et(Id,d);i.textContent=e.title}const w=Lt("canvas"),g=n.ctx=w.getContext("2d"),u=Et(Ed,d);Dn("click",u,i=>{i.target===v&&(Ce!=Gn||Te!=jn)&&Xe.click(n,i)},!0);const y=n.under=Et(Dd,u);u.appendChild(w);const v=n.over=Et(Td,u);e=ir(e);const b=+fe(e.pxAlign,1),A=ss(b);(e.plugins||[]).forEach(i=>{i.opts&&(e=i.opts(n,e)||e)});const C=e.ms||.001,k=n.series=l==1?us(e.series||[],es,ls,!1):fh(e.series||[null],os),D=n.axes=us(e.axes||[],Xi,ns,!0),I=n.scales={},M=n.bands=e.bands||[];M.forEach(i=>{i.fill=ue(i.fill||null),i.dir=fe(i.dir,-1)});const P=l==2?k[1].facets[0].scale:k[0].scale,J={axes:Ga,series:Ha},W=(e.drawOrder||["axes","series"]).map(i=>J[i]);function G(i){const a=i.distr==3?h=>en(h>0?h:i.clamp(n,h,i.min,i.max,i.key)):i.distr==4?h=>Go(h,i.asinh):i.distr==100?h=>i.fwd(h):h=>h;return h=>{let p=a(h),{_min:_,_max:S}=i,$=S-_;return(p-_)/$}}function V(i){let a=I[i];if(a==null){let h=(e.scales||Ir)[i]||Ir;if(h.from!=null){V(h.from);let p=qe({},I[h.from],h,{key:i});p.valToPct=G(p),I[i]=p}else{a=I[i]=qe({},i==P?ua:eh,h),a.key=i;let p=a.time,_=a.range,S=un(_);if((i!=P||l==2&&!p)&&(S&&(_[0]==null||_[1]==null)&&(_={min:_[0]==null?qi:{mode:1,hard:_[0],soft:_[0]},max:_[1]==null?qi:{mode:1,hard:_[1],soft:_[1]}},S=!1),!S&&ho(_))){let $=_;_=(E,N,q)=>N==null?lr:lo(N,q,$)}a.range=ue(_||(p?hh:i==P?a.distr==3?mh:a.distr==4?gh:ba:a.distr==3?va:a.distr==4?Sa:ph)),a.auto=ue(S?!1:a.auto),a.clamp=ue(a.clamp||Xf),a._min=a._max=null,a.valToPct=G(a)}}}V("x"),V("y"),l==1&&k.forEach(i=>{V(i.scale)}),D.forEach(i=>{V(i.scale)});for(let i in e.scales)V(i);const R=I[P],L=R.distr;let U,j;R.ori==0?(_t(d,Cd),U=s,j=c):(_t(d,$d),U=c,j=s);const T={};for(let i in I){let a=I[i];(a.min!=null||a.max!=null)&&(T[i]={min:a.min,max:a.max},a.min=a.max=null)}const K=e.tzDate||(i=>new Date(Fe(i/C))),x=e.fmtDate||Il,re=C==1?$f(K):Df(K),Z=Qi(K,Yi(C==1?Cf:Ef,x)),oe=Zi(K,Ji(Pf,x)),Y=[],le=n.legend=qe({},Nf,e.legend),z=n.cursor=qe({},Bf,{drag:{y:l==2}},e.cursor),De=le.show,xe=z.show,se=le.markers;le.idxs=Y,se.width=ue(se.width),se.dash=ue(se.dash),se.stroke=ue(se.stroke),se.fill=ue(se.fill);let X,vt,rt,Pe=[],Bt=[],Qt,St=!1,nn={};if(le.live){const i=k[1]?k[1].values:null;St=i!=null,Qt=St?i(n,1,0):{_:0};for(let a in Qt)nn[a]=vl}if(De)if(X=Lt("table",Ld,d),rt=Lt("tbody",null,X),le.mount(n,X),St){vt=Lt("thead",null,X,rt);let i=Lt("tr",null,vt);Lt("th",null,i);for(var Rn in Qt)Lt("th",$i,i).textContent=Rn}else _t(X,Od),le.live&&_t(X,Ud);const Nn={show:!0},dr={show:!1};function Tr(i,a){if(a==0&&(St||!le.live||l==2))return lr;let h=[],p=Lt("tr",qd,rt,rt.childNodes[a]);_t(p,i.class),i.show||_t(p,In);let _=Lt("th",null,p);if(se.show){let E=Et(Bd,_);if(a>0){let N=se.width(n,a);N&&(E.style.border=N+"px "+se.dash(n,a)+" "+se.stroke(n,a)),E.style.background=se.fill(n,a)}}let S=Et($i,_);i.label instanceof HTMLElement?S.appendChild(i.label):S.textContent=i.label,a>0&&(se.show||(S.style.color=i.width>0?se.stroke(n,a):se.fill(n,a)),ot("click",_,E=>{if(z._lock)return;_n(E);let N=k.indexOf(i);if((E.ctrlKey||E.metaKey)!=le.isolate){let q=k.some((B,H)=>H>0&&H!=N&&B.show);k.forEach((B,H)=>{H>0&&Wt(H,q?H==N?Nn:dr:Nn,!0,Ue.setSeries)})}else Wt(N,{show:!i.show},!0,Ue.setSeries)},!1),On&&ot(Ti,_,E=>{z._lock||(_n(E),Wt(k.indexOf(i),Qn,!0,Ue.setSeries))},!1));for(var $ in Qt){let E=Lt("td",Fd,p);E.textContent="--",h.push(E)}return[p,h]}const hn=new Map;function ot(i,a,h,p=!0){const _=hn.get(a)||{},S=z.bind[i](n,a,h,p);S&&(Dn(i,a,_[i]=S),hn.set(a,_))}function Mn(i,a,h){const p=hn.get(a)||{};for(let _ in p)(i==null||_==i)&&(sl(_,a,p[_]),delete p[_]);i==null&&hn.delete(a)}let Jt=0,pn=0,ae=0,F=0,ke=0,Be=0,Ln=ke,mn=Be,Ft=ae,gn=F,ht=0,kt=0,ct=0,xt=0;n.bbox={};let _o=!1,Pr=!1,Un=!1,yn=!1,xr=!1,At=!1;function wo(i,a,h){(h||i!=n.width||a!=n.height)&&Nl(i,a),Wn(!1),Un=!0,Pr=!0,Vn()}function Nl(i,a){n.width=Jt=ae=i,n.height=pn=F=a,ke=Be=0,Ma(),La();let h=n.bbox;ht=h.left=Cn(ke*pe,.5),kt=h.top=Cn(Be*pe,.5),ct=h.width=Cn(ae*pe,.5),xt=h.height=Cn(F*pe,.5)}const xa=3;function Ra(){let i=!1,a=0;for(;!i;){a++;let h=za(a),p=Ka(a);i=a==xa||h&&p,i||(Nl(n.width,n.height),Pr=!0)}}function Na({width:i,height:a}){wo(i,a)}n.setSize=Na;function Ma(){let i=!1,a=!1,h=!1,p=!1;D.forEach((_,S)=>{if(_.show&&_._show){let{side:$,_size:E}=_,N=$%2,q=_.label!=null?_.labelSize:0,B=E+q;B>0&&(N?(ae-=B,$==3?(ke+=B,p=!0):h=!0):(F-=B,$==0?(Be+=B,i=!0):a=!0))}}),wn[0]=i,wn[1]=h,wn[2]=a,wn[3]=p,ae-=rn[1]+rn[3],ke+=rn[3],F-=rn[2]+rn[0],Be+=rn[0]}function La(){let i=ke+ae,a=Be+F,h=ke,p=Be;function _(S,$){switch(S){case 1:return i+=$,i-$;case 2:return a+=$,a-$;case 3:return h-=$,h+$;case 0:return p-=$,p+$}}D.forEach((S,$)=>{if(S.show&&S._show){let E=S.side;S._pos=_(E,S._size),S.label!=null&&(S._lpos=_(E,S.labelSize))}})}if(z.dataIdx==null){let i=z.hover,a=i.skip=new Set(i.skip??[]);a.add(void 0);let h=i.prox=ue(i.prox),p=i.bias??(i.bias=0);z.dataIdx=(_,S,$,E)=>{if(S==0)return $;let N=$,q=h(_,S,$,E)??we,B=q>=0&&q<we,H=R.ori==0?ae:F,ie=z.left,he=t[0],de=t[S];if(a.has(de[$])){N=null;let ce=null,ee=null,Q;if(p==0||p==-1)for(Q=$;ce==null&&Q-- >0;)a.has(de[Q])||(ce=Q);if(p==0||p==1)for(Q=$;ee==null&&Q++<de.length;)a.has(de[Q])||(ee=Q);if(ce!=null||ee!=null)if(B){let Ie=ce==null?-1/0:U(he[ce],R,H,0),Re=ee==null?1/0:U(he[ee],R,H,0),Ye=ie-Ie,ye=Re-ie;Ye<=ye?Ye<=q&&(N=ce):ye<=q&&(N=ee)}else N=ee==null?ce:ce==null?ee:$-ce<=ee-$?ce:ee}else B&&He(ie-U(he[$],R,H,0))>q&&(N=null);return N}}const _n=i=>{z.event=i};z.idxs=Y,z._lock=!1;let tt=z.points;tt.show=ue(tt.show),tt.size=ue(tt.size),tt.stroke=ue(tt.stroke),tt.width=ue(tt.width),tt.fill=ue(tt.fill);const Ht=n.focus=qe({},e.focus||{alpha:.3},z.focus),On=Ht.prox>=0,qn=On&&tt.one;let Ct=[],Bn=[],Fn=[];function Ml(i,a){let h=tt.show(n,a);if(h instanceof HTMLElement)return _t(h,Md),_t(h,i.class),Gt(h,-10,-10,ae,F),v.insertBefore(h,Ct[a]),h}function Ll(i,a){if(l==1||a>0){let h=l==1&&I[i.scale].time,p=i.value;i.value=h?zi(p)?Zi(K,Ji(p,x)):p||oe:p||Qf,i.label=i.label||(h?Hf:Ff)}if(qn||a>0){i.width=i.width==null?1:i.width,i.paths=i.paths||uh||Xd,i.fillTo=ue(i.fillTo||th),i.pxAlign=+fe(i.pxAlign,b),i.pxRound=ss(i.pxAlign),i.stroke=ue(i.stroke||null),i.fill=ue(i.fill||null),i._stroke=i._fill=i._paths=i._focus=null;let h=Jf(at(1,i.width),1),p=i.points=qe({},{size:h,width:at(1,h*.2),stroke:i.stroke,space:h*2,paths:dh,_stroke:null,_fill:null},i.points);p.show=ue(p.show),p.filter=ue(p.filter),p.fill=ue(p.fill),p.stroke=ue(p.stroke),p.paths=ue(p.paths),p.pxAlign=i.pxAlign}if(De){let h=Tr(i,a);Pe.splice(a,0,h[0]),Bt.splice(a,0,h[1]),le.values.push(null)}if(xe){Y.splice(a,0,null);let h=null;qn?a==0&&(h=Ml(i,a)):a>0&&(h=Ml(i,a)),Ct.splice(a,0,h),Bn.splice(a,0,0),Fn.splice(a,0,0)}je("addSeries",a)}function Ua(i,a){a=a??k.length,i=l==1?hl(i,a,es,ls):hl(i,a,{},os),k.splice(a,0,i),Ll(k[a],a)}n.addSeries=Ua;function Oa(i){if(k.splice(i,1),De){le.values.splice(i,1),Bt.splice(i,1);let a=Pe.splice(i,1)[0];Mn(null,a.firstChild),a.remove()}xe&&(Y.splice(i,1),Ct.splice(i,1)[0].remove(),Bn.splice(i,1),Fn.splice(i,1)),je("delSeries",i)}n.delSeries=Oa;const wn=[!1,!1,!1,!1];function qa(i,a){if(i._show=i.show,i.show){let h=i.side%2,p=I[i.scale];p==null&&(i.scale=h?k[1].scale:P,p=I[i.scale]);let _=p.time;i.size=ue(i.size),i.space=ue(i.space),i.rotate=ue(i.rotate),un(i.incrs)&&i.incrs.forEach($=>{!dn.has($)&&dn.set($,zs($))}),i.incrs=ue(i.incrs||(p.distr==2?Sf:_?C==1?Af:If:$n)),i.splits=ue(i.splits||(_&&p.distr==1?re:p.distr==3?cl:p.distr==4?zf:Vf)),i.stroke=ue(i.stroke),i.grid.stroke=ue(i.grid.stroke),i.ticks.stroke=ue(i.ticks.stroke),i.border.stroke=ue(i.border.stroke);let S=i.values;i.values=un(S)&&!un(S[0])?ue(S):_?un(S)?Qi(K,Yi(S,x)):zi(S)?Tf(K,S):S||Z:S||Wf,i.filter=ue(i.filter||(p.distr>=3&&p.log==10?jf:p.distr==3&&p.log==2?Yf:Ws)),i.font=ds(i.font),i.labelFont=ds(i.labelFont),i._size=i.size(n,null,a,0),i._space=i._rotate=i._incrs=i._found=i._splits=i._values=null,i._size>0&&(wn[a]=!0,i._el=Et(Pd,u))}}function fr(i,a,h,p){let[_,S,$,E]=h,N=a%2,q=0;return N==0&&(E||S)&&(q=a==0&&!_||a==2&&!$?Fe(Xi.size/3):0),N==1&&(_||$)&&(q=a==1&&!S||a==3&&!E?Fe(ns.size/2):0),q}const Ul=n.padding=(e.padding||[fr,fr,fr,fr]).map(i=>ue(fe(i,fr))),rn=n._padding=Ul.map((i,a)=>i(n,a,wn,0));let Ze,Ve=null,ze=null;const Rr=l==1?k[0].idxs:null;let Rt=null,hr=!1;function Ol(i,a){if(t=i??[],n.data=n._data=t,l==2){Ze=0;for(let h=1;h<k.length;h++)Ze+=t[h][0].length}else{t.length==0&&(n.data=n._data=t=[[]]),Rt=t[0],Ze=Rt.length;let h=t;if(L==2){h=t.slice();let p=h[0]=Array(Ze);for(let _=0;_<Ze;_++)p[_]=_}n._data=t=h}if(Wn(!0),je("setData"),L==2&&(Un=!0),a!==!1){let h=R;h.auto(n,hr)?bo():ln(P,h.min,h.max),yn=yn||z.left>=0,At=!0,Vn()}}n.setData=Ol;function bo(){hr=!0;let i,a;l==1&&(Ze>0?(Ve=Rr[0]=0,ze=Rr[1]=Ze-1,i=t[0][Ve],a=t[0][ze],L==2?(i=Ve,a=ze):i==a&&(L==3?[i,a]=uo(i,i,R.log,!1):L==4?[i,a]=kl(i,i,R.log,!1):R.time?a=i+Fe(86400/C):[i,a]=lo(i,a,Al,!0))):(Ve=Rr[0]=i=null,ze=Rr[1]=a=null)),ln(P,i,a)}let Nr,Hn,vo,So,ko,Ao,Co,$o,Io,ut;function ql(i,a,h,p,_,S){i??(i=Ei),h??(h=$l),p??(p="butt"),_??(_=Ei),S??(S="round"),i!=Nr&&(g.strokeStyle=Nr=i),_!=Hn&&(g.fillStyle=Hn=_),a!=vo&&(g.lineWidth=vo=a),S!=ko&&(g.lineJoin=ko=S),p!=Ao&&(g.lineCap=Ao=p),h!=So&&g.setLineDash(So=h)}function Bl(i,a,h,p){a!=Hn&&(g.fillStyle=Hn=a),i!=Co&&(g.font=Co=i),h!=$o&&(g.textAlign=$o=h),p!=Io&&(g.textBaseline=Io=p)}function Eo(i,a,h,p,_=0){if(p.length>0&&i.auto(n,hr)&&(a==null||a.min==null)){let S=fe(Ve,0),$=fe(ze,p.length-1),E=h.min==null?Gd(p,S,$,_,i.distr==3):[h.min,h.max];i.min=Ot(i.min,h.min=E[0]),i.max=at(i.max,h.max=E[1])}}const Fl={min:null,max:null};function Ba(){for(let p in I){let _=I[p];T[p]==null&&(_.min==null||T[P]!=null&&_.auto(n,hr))&&(T[p]=Fl)}for(let p in I){let _=I[p];T[p]==null&&_.from!=null&&T[_.from]!=null&&(T[p]=Fl)}T[P]!=null&&Wn(!0);let i={};for(let p in T){let _=T[p];if(_!=null){let S=i[p]=ir(I[p],nf);if(_.min!=null)qe(S,_);else if(p!=P||l==2)if(Ze==0&&S.from==null){let $=S.range(n,null,null,p);S.min=$[0],S.max=$[1]}else S.min=we,S.max=-we}}if(Ze>0){k.forEach((p,_)=>{if(l==1){let S=p.scale,$=T[S];if($==null)return;let E=i[S];if(_==0){let N=E.range(n,E.min,E.max,S);E.min=N[0],E.max=N[1],Ve=Ut(E.min,t[0]),ze=Ut(E.max,t[0]),ze-Ve>1&&(t[0][Ve]<E.min&&Ve++,t[0][ze]>E.max&&ze--),p.min=Rt[Ve],p.max=Rt[ze]}else p.show&&p.auto&&Eo(E,$,p,t[_],p.sorted);p.idxs[0]=Ve,p.idxs[1]=ze}else if(_>0&&p.show&&p.auto){let[S,$]=p.facets,E=S.scale,N=$.scale,[q,B]=t[_],H=i[E],ie=i[N];H!=null&&Eo(H,T[E],S,q,S.sorted),ie!=null&&Eo(ie,T[N],$,B,$.sorted),p.min=$.min,p.max=$.max}});for(let p in i){let _=i[p],S=T[p];if(_.from==null&&(S==null||S.min==null)){let $=_.range(n,_.min==we?null:_.min,_.max==-we?null:_.max,p);_.min=$[0],_.max=$[1]}}}for(let p in i){let _=i[p];if(_.from!=null){let S=i[_.from];if(S.min==null)_.min=_.max=null;else{let $=_.range(n,S.min,S.max,p);_.min=$[0],_.max=$[1]}}}let a={},h=!1;for(let p in i){let _=i[p],S=I[p];if(S.min!=_.min||S.max!=_.max){S.min=_.min,S.max=_.max;let $=S.distr;S._min=$==3?en(S.min):$==4?Go(S.min,S.asinh):$==100?S.fwd(S.min):S.min,S._max=$==3?en(S.max):$==4?Go(S.max,S.asinh):$==100?S.fwd(S.max):S.max,a[p]=h=!0}}if(h){k.forEach((p,_)=>{l==2?_>0&&a.y&&(p._paths=null):a[p.scale]&&(p._paths=null)});for(let p in a)Un=!0,je("setScale",p);xe&&z.left>=0&&(yn=At=!0)}for(let p in T)T[p]=null}function Fa(i){let a=al(Ve-1,0,Ze-1),h=al(ze+1,0,Ze-1);for(;i[a]==null&&a>0;)a--;for(;i[h]==null&&h<Ze-1;)h++;return[a,h]}function Ha(){if(Ze>0){let i=k.some(a=>a._focus)&&ut!=Ht.alpha;i&&(g.globalAlpha=ut=Ht.alpha),k.forEach((a,h)=>{if(h>0&&a.show&&(Hl(h,!1),Hl(h,!0),a._paths==null)){let p=ut;ut!=a.alpha&&(g.globalAlpha=ut=a.alpha);let _=l==2?[0,t[h][0].length-1]:Fa(t[h]);a._paths=a.paths(n,h,_[0],_[1]),ut!=p&&(g.globalAlpha=ut=p)}}),k.forEach((a,h)=>{if(h>0&&a.show){let p=ut;ut!=a.alpha&&(g.globalAlpha=ut=a.alpha),a._paths!=null&&Wl(h,!1);{let _=a._paths!=null?a._paths.gaps:null,S=a.points.show(n,h,Ve,ze,_),$=a.points.filter(n,h,S,_);(S||$)&&(a.points._paths=a.points.paths(n,h,Ve,ze,$),Wl(h,!0))}ut!=p&&(g.globalAlpha=ut=p),je("drawSeries",h)}}),i&&(g.globalAlpha=ut=1)}}function Hl(i,a){let h=a?k[i].points:k[i];h._stroke=h.stroke(n,i),h._fill=h.fill(n,i)}function Wl(i,a){let h=a?k[i].points:k[i],{stroke:p,fill:_,clip:S,flags:$,_stroke:E=h._stroke,_fill:N=h._fill,_width:q=h.width}=h._paths;q=be(q*pe,3);let B=null,H=q%2/2;a&&N==null&&(N=q>0?"#fff":E);let ie=h.pxAlign==1&&H>0;if(ie&&g.translate(H,H),!a){let he=ht-q/2,de=kt-q/2,ce=ct+q,ee=xt+q;B=new Path2D,B.rect(he,de,ce,ee)}a?Do(E,q,h.dash,h.cap,N,p,_,$,S):Wa(i,E,q,h.dash,h.cap,N,p,_,$,B,S),ie&&g.translate(-H,-H)}function Wa(i,a,h,p,_,S,$,E,N,q,B){let H=!1;N!=0&&M.forEach((ie,he)=>{if(ie.series[0]==i){let de=k[ie.series[1]],ce=t[ie.series[1]],ee=(de._paths||Ir).band;un(ee)&&(ee=ie.dir==1?ee[0]:ee[1]);let Q,Ie=null;de.show&&ee&&Yd(ce,Ve,ze)?(Ie=ie.fill(n,he)||S,Q=de._paths.clip):ee=null,Do(a,h,p,_,Ie,$,E,N,q,B,Q,ee),H=!0}}),H||Do(a,h,p,_,S,$,E,N,q,B)}const Vl=sr|dl;function Do(i,a,h,p,_,S,$,E,N,q,B,H){ql(i,a,h,p,_),(N||q||H)&&(g.save(),N&&g.clip(N),q&&g.clip(q)),H?(E&Vl)==Vl?(g.clip(H),B&&g.clip(B),Lr(_,$),Mr(i,S,a)):E&dl?(Lr(_,$),g.clip(H),Mr(i,S,a)):E&sr&&(g.save(),g.clip(H),B&&g.clip(B),Lr(_,$),g.restore(),Mr(i,S,a)):(Lr(_,$),Mr(i,S,a)),(N||q||H)&&g.restore()}function Mr(i,a,h){h>0&&(a instanceof Map?a.forEach((p,_)=>{g.strokeStyle=Nr=_,g.stroke(p)}):a!=null&&i&&g.stroke(a))}function Lr(i,a){a instanceof Map?a.forEach((h,p)=>{g.fillStyle=Hn=p,g.fill(h)}):a!=null&&i&&g.fill(a)}function Va(i,a,h,p){let _=D[i],S;if(p<=0)S=[0,0];else{let $=_._space=_.space(n,i,a,h,p),E=_._incrs=_.incrs(n,i,a,h,p,$);S=yh(a,h,E,p,$)}return _._found=S}function To(i,a,h,p,_,S,$,E,N,q){let B=$%2/2;b==1&&g.translate(B,B),ql(E,$,N,q,E),g.beginPath();let H,ie,he,de,ce=_+(p==0||p==3?-S:S);h==0?(ie=_,de=ce):(H=_,he=ce);for(let ee=0;ee<i.length;ee++)a[ee]!=null&&(h==0?H=he=i[ee]:ie=de=i[ee],g.moveTo(H,ie),g.lineTo(he,de));g.stroke(),b==1&&g.translate(-B,-B)}function za(i){let a=!0;return D.forEach((h,p)=>{if(!h.show)return;let _=I[h.scale];if(_.min==null){h._show&&(a=!1,h._show=!1,Wn(!1));return}else h._show||(a=!1,h._show=!0,Wn(!1));let S=h.side,$=S%2,{min:E,max:N}=_,[q,B]=Va(p,E,N,$==0?ae:F);if(B==0)return;let H=_.distr==2,ie=h._splits=h.splits(n,p,E,N,q,B,H),he=_.distr==2?ie.map(Q=>Rt[Q]):ie,de=_.distr==2?Rt[ie[1]]-Rt[ie[0]]:q,ce=h._values=h.values(n,h.filter(n,he,p,B,de),p,B,de);h._rotate=S==2?h.rotate(n,ce,p,B):0;let ee=h._size;h._size=Dt(h.size(n,ce,p,i)),ee!=null&&h._size!=ee&&(a=!1)}),a}function Ka(i){let a=!0;return Ul.forEach((h,p)=>{let _=h(n,p,wn,i);_!=rn[p]&&(a=!1),rn[p]=_}),a}function Ga(){for(let i=0;i<D.length;i++){let a=D[i];if(!a.show||!a._show)continue;let h=a.side,p=h%2,_,S,$=a.stroke(n,i),E=h==0||h==3?-1:1,[N,q]=a._found;if(a.label!=null){let it=a.labelGap*E,gt=Fe((a._lpos+it)*pe);Bl(a.labelFont[0],$,"center",h==2?br:Ii),g.save(),p==1?(_=S=0,g.translate(gt,Fe(kt+xt/2)),g.rotate((h==3?-Zr:Zr)/2)):(_=Fe(ht+ct/2),S=gt);let Sn=Fs(a.label)?a.label(n,i,N,q):a.label;g.fillText(Sn,_,S),g.restore()}if(q==0)continue;let B=I[a.scale],H=p==0?ct:xt,ie=p==0?ht:kt,he=a._splits,de=B.distr==2?he.map(it=>Rt[it]):he,ce=B.distr==2?Rt[he[1]]-Rt[he[0]]:N,ee=a.ticks,Q=a.border,Ie=ee.show?ee.size:0,Re=Fe(Ie*pe),Ye=Fe((a.alignTo==2?a._size-Ie-a.gap:a.gap)*pe),ye=a._rotate*-Zr/180,Ne=A(a._pos*pe),pt=(Re+Ye)*E,lt=Ne+pt;S=p==0?lt:0,_=p==1?lt:0;let $t=a.font[0],Nt=a.align==1?Zn:a.align==2?Vo:ye>0?Zn:ye<0?Vo:p==0?"center":h==3?Vo:Zn,zt=ye||p==1?"middle":h==2?br:Ii;Bl($t,$,Nt,zt);let mt=a.font[1]*a.lineGap,It=he.map(it=>A(f(it,B,H,ie))),Mt=a._values;for(let it=0;it<Mt.length;it++){let gt=Mt[it];if(gt!=null){p==0?_=It[it]:S=It[it],gt=""+gt;let Sn=gt.indexOf(`
`)==-1?[gt]:gt.split(/\n/gm);for(let st=0;st<Sn.length;st++){let ci=Sn[st];ye?(g.save(),g.translate(_,S+st*mt),g.rotate(ye),g.fillText(ci,0,0),g.restore()):g.fillText(ci,_,S+st*mt)}}}ee.show&&To(It,ee.filter(n,de,i,q,ce),p,h,Ne,Re,be(ee.width*pe,3),ee.stroke(n,i),ee.dash,ee.cap);let Kt=a.grid;Kt.show&&To(It,Kt.filter(n,de,i,q,ce),p,p==0?2:1,p==0?kt:ht,p==0?xt:ct,be(Kt.width*pe,3),Kt.stroke(n,i),Kt.dash,Kt.cap),Q.show&&To([Ne],[1],p==0?1:0,p==0?1:2,p==1?kt:ht,p==1?xt:ct,be(Q.width*pe,3),Q.stroke(n,i),Q.dash,Q.cap)}je("drawAxes")}function Wn(i){k.forEach((a,h)=>{h>0&&(a._paths=null,i&&(l==1?(a.min=null,a.max=null):a.facets.forEach(p=>{p.min=null,p.max=null})))})}let Ur=!1,Po=!1,pr=[];function ja(){Po=!1;for(let i=0;i<pr.length;i++)je(...pr[i]);pr.length=0}function Vn(){Ur||(uf(zl),Ur=!0)}function Ya(i,a=!1){Ur=!0,Po=a,i(n),zl(),a&&pr.length>0&&queueMicrotask(ja)}n.batch=Ya;function zl(){if(_o&&(Ba(),_o=!1),Un&&(Ra(),Un=!1),Pr){if(Ee(y,Zn,ke),Ee(y,br,Be),Ee(y,Sr,ae),Ee(y,kr,F),Ee(v,Zn,ke),Ee(v,br,Be),Ee(v,Sr,ae),Ee(v,kr,F),Ee(u,Sr,Jt),Ee(u,kr,pn),w.width=Fe(Jt*pe),w.height=Fe(pn*pe),D.forEach(({_el:i,_show:a,_size:h,_pos:p,side:_})=>{if(i!=null)if(a){let S=_===3||_===0?h:0,$=_%2==1;Ee(i,$?"left":"top",p-S),Ee(i,$?"width":"height",h),Ee(i,$?"top":"left",$?Be:ke),Ee(i,$?"height":"width",$?F:ae),il(i,In)}else _t(i,In)}),Nr=Hn=vo=ko=Ao=Co=$o=Io=So=null,ut=1,yr(!0),ke!=Ln||Be!=mn||ae!=Ft||F!=gn){Wn(!1);let i=ae/Ft,a=F/gn;if(xe&&!yn&&z.left>=0){z.left*=i,z.top*=a,zn&&Gt(zn,Fe(z.left),0,ae,F),Kn&&Gt(Kn,0,Fe(z.top),ae,F);for(let h=0;h<Ct.length;h++){let p=Ct[h];p!=null&&(Bn[h]*=i,Fn[h]*=a,Gt(p,Dt(Bn[h]),Dt(Fn[h]),ae,F))}}if($e.show&&!xr&&$e.left>=0&&$e.width>0){$e.left*=i,$e.width*=i,$e.top*=a,$e.height*=a;for(let h in Uo)Ee(Yn,h,$e[h])}Ln=ke,mn=Be,Ft=ae,gn=F}je("setSize"),Pr=!1}Jt>0&&pn>0&&(g.clearRect(0,0,w.width,w.height),je("drawClear"),W.forEach(i=>i()),je("draw")),$e.show&&xr&&(Or($e),xr=!1),xe&&yn&&(vn(null,!0,!1),yn=!1),le.show&&le.live&&At&&(Mo(),At=!1),m||(m=!0,n.status=1,je("ready")),hr=!1,Ur=!1}n.redraw=(i,a)=>{Un=a||!1,i!==!1?ln(P,R.min,R.max):Vn()};function xo(i,a){let h=I[i];if(h.from==null){if(Ze==0){let p=h.range(n,a.min,a.max,i);a.min=p[0],a.max=p[1]}if(a.min>a.max){let p=a.min;a.min=a.max,a.max=p}if(Ze>1&&a.min!=null&&a.max!=null&&a.max-a.min<1e-16)return;i==P&&h.distr==2&&Ze>0&&(a.min=Ut(a.min,t[0]),a.max=Ut(a.max,t[0]),a.min==a.max&&a.max++),T[i]=a,_o=!0,Vn()}}n.setScale=xo;let Ro,No,zn,Kn,Kl,Gl,Gn,jn,jl,Yl,Ce,Te,on=!1;const Xe=z.drag;let Ke=Xe.x,Ge=Xe.y;xe&&(z.x&&(Ro=Et(Rd,v)),z.y&&(No=Et(Nd,v)),R.ori==0?(zn=Ro,Kn=No):(zn=No,Kn=Ro),Ce=z.left,Te=z.top);const $e=n.select=qe({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),Yn=$e.show?Et(xd,$e.over?v:y):null;function Or(i,a){if($e.show){for(let h in i)$e[h]=i[h],h in Uo&&Ee(Yn,h,i[h]);a!==!1&&je("setSelect")}}n.setSelect=Or;function Qa(i){if(k[i].show)De&&il(Pe[i],In);else if(De&&_t(Pe[i],In),xe){let h=qn?Ct[0]:Ct[i];h!=null&&Gt(h,-10,-10,ae,F)}}function ln(i,a,h){xo(i,{min:a,max:h})}function Wt(i,a,h,p){a.focus!=null&&tc(i),a.show!=null&&k.forEach((_,S)=>{S>0&&(i==S||i==null)&&(_.show=a.show,Qa(S),l==2?(ln(_.facets[0].scale,null,null),ln(_.facets[1].scale,null,null)):ln(_.scale,null,null),Vn())}),h!==!1&&je("setSeries",i,a),p&&_r("setSeries",n,i,a)}n.setSeries=Wt;function Ja(i,a){qe(M[i],a)}function Za(i,a){i.fill=ue(i.fill||null),i.dir=fe(i.dir,-1),a=a??M.length,M.splice(a,0,i)}function Xa(i){i==null?M.length=0:M.splice(i,1)}n.addBand=Za,n.setBand=Ja,n.delBand=Xa;function ec(i,a){k[i].alpha=a,xe&&Ct[i]!=null&&(Ct[i].style.opacity=a),De&&Pe[i]&&(Pe[i].style.opacity=a)}let Zt,sn,bn;const Qn={focus:!0};function tc(i){if(i!=bn){let a=i==null,h=Ht.alpha!=1;k.forEach((p,_)=>{if(l==1||_>0){let S=a||_==0||_==i;p._focus=a?null:S,h&&ec(_,S?1:Ht.alpha)}}),bn=i,h&&Vn()}}De&&On&&ot(Pi,X,i=>{z._lock||(_n(i),bn!=null&&Wt(null,Qn,!0,Ue.setSeries))});function Vt(i,a,h){let p=I[a];h&&(i=i/pe-(p.ori==1?Be:ke));let _=ae;p.ori==1&&(_=F,i=_-i),p.dir==-1&&(i=_-i);let S=p._min,$=p._max,E=i/_,N=S+($-S)*E,q=p.distr;return q==3?or(10,N):q==4?Jd(N,p.asinh):q==100?p.bwd(N):N}function nc(i,a){let h=Vt(i,P,a);return Ut(h,t[0],Ve,ze)}n.valToIdx=i=>Ut(i,t[0]),n.posToIdx=nc,n.posToVal=Vt,n.valToPos=(i,a,h)=>I[a].ori==0?s(i,I[a],h?ct:ae,h?ht:0):c(i,I[a],h?xt:F,h?kt:0),n.setCursor=(i,a,h)=>{Ce=i.left,Te=i.top,vn(null,a,h)};function Ql(i,a){Ee(Yn,Zn,$e.left=i),Ee(Yn,Sr,$e.width=a)}function Jl(i,a){Ee(Yn,br,$e.top=i),Ee(Yn,kr,$e.height=a)}let mr=R.ori==0?Ql:Jl,gr=R.ori==1?Ql:Jl;function rc(){if(De&&le.live)for(let i=l==2?1:0;i<k.length;i++){if(i==0&&St)continue;let a=le.values[i],h=0;for(let p in a)Bt[i][h++].firstChild.nodeValue=a[p]}}function Mo(i,a){if(i!=null&&(i.idxs?i.idxs.forEach((h,p)=>{Y[p]=h}):tf(i.idx)||Y.fill(i.idx),le.idx=Y[0]),De&&le.live){for(let h=0;h<k.length;h++)(h>0||l==1&&!St)&&oc(h,Y[h]);rc()}At=!1,a!==!1&&je("setLegend")}n.setLegend=Mo;function oc(i,a){let h=k[i],p=i==0&&L==2?Rt:t[i],_;St?_=h.values(n,i,a)??nn:(_=h.value(n,a==null?null:p[a],i,a),_=_==null?nn:{_}),le.values[i]=_}function vn(i,a,h){jl=Ce,Yl=Te,[Ce,Te]=z.move(n,Ce,Te),z.left=Ce,z.top=Te,xe&&(zn&&Gt(zn,Fe(Ce),0,ae,F),Kn&&Gt(Kn,0,Fe(Te),ae,F));let p,_=Ve>ze;Zt=we,sn=null;let S=R.ori==0?ae:F,$=R.ori==1?ae:F;if(Ce<0||Ze==0||_){p=z.idx=null;for(let E=0;E<k.length;E++){let N=Ct[E];N!=null&&Gt(N,-10,-10,ae,F)}On&&Wt(null,Qn,!0,i==null&&Ue.setSeries),le.live&&(Y.fill(p),At=!0)}else{let E,N,q;l==1&&(E=R.ori==0?Ce:Te,N=Vt(E,P),p=z.idx=Ut(N,t[0],Ve,ze),q=U(t[0][p],R,S,0));let B=-10,H=-10,ie=0,he=0,de=!0,ce="",ee="";for(let Q=l==2?1:0;Q<k.length;Q++){let Ie=k[Q],Re=Y[Q],Ye=Re==null?null:l==1?t[Q][Re]:t[Q][1][Re],ye=z.dataIdx(n,Q,p,N),Ne=ye==null?null:l==1?t[Q][ye]:t[Q][1][ye];if(At=At||Ne!=Ye||ye!=Re,Y[Q]=ye,Q>0&&Ie.show){let pt=ye==null?-10:ye==p?q:U(l==1?t[0][ye]:t[Q][0][ye],R,S,0),lt=Ne==null?-10:j(Ne,l==1?I[Ie.scale]:I[Ie.facets[1].scale],$,0);if(On&&Ne!=null){let $t=R.ori==1?Ce:Te,Nt=He(Ht.dist(n,Q,ye,lt,$t));if(Nt<Zt){let zt=Ht.bias;if(zt!=0){let mt=Vt($t,Ie.scale),It=Ne>=0?1:-1,Mt=mt>=0?1:-1;Mt==It&&(Mt==1?zt==1?Ne>=mt:Ne<=mt:zt==1?Ne<=mt:Ne>=mt)&&(Zt=Nt,sn=Q)}else Zt=Nt,sn=Q}}if(At||qn){let $t,Nt;R.ori==0?($t=pt,Nt=lt):($t=lt,Nt=pt);let zt,mt,It,Mt,Kt,it,gt=!0,Sn=tt.bbox;if(Sn!=null){gt=!1;let st=Sn(n,Q);It=st.left,Mt=st.top,zt=st.width,mt=st.height}else It=$t,Mt=Nt,zt=mt=tt.size(n,Q);if(it=tt.fill(n,Q),Kt=tt.stroke(n,Q),qn)Q==sn&&Zt<=Ht.prox&&(B=It,H=Mt,ie=zt,he=mt,de=gt,ce=it,ee=Kt);else{let st=Ct[Q];st!=null&&(Bn[Q]=It,Fn[Q]=Mt,Oi(st,zt,mt,gt),Li(st,it,Kt),Gt(st,Dt(It),Dt(Mt),ae,F))}}}}if(qn){let Q=Ht.prox,Ie=bn==null?Zt<=Q:Zt>Q||sn!=bn;if(At||Ie){let Re=Ct[0];Re!=null&&(Bn[0]=B,Fn[0]=H,Oi(Re,ie,he,de),Li(Re,ce,ee),Gt(Re,Dt(B),Dt(H),ae,F))}}}if($e.show&&on)if(i!=null){let[E,N]=Ue.scales,[q,B]=Ue.match,[H,ie]=i.cursor.sync.scales,he=i.cursor.drag;if(Ke=he._x,Ge=he._y,Ke||Ge){let{left:de,top:ce,width:ee,height:Q}=i.select,Ie=i.scales[H].ori,Re=i.posToVal,Ye,ye,Ne,pt,lt,$t=E!=null&&q(E,H),Nt=N!=null&&B(N,ie);$t&&Ke?(Ie==0?(Ye=de,ye=ee):(Ye=ce,ye=Q),Ne=I[E],pt=U(Re(Ye,H),Ne,S,0),lt=U(Re(Ye+ye,H),Ne,S,0),mr(Ot(pt,lt),He(lt-pt))):mr(0,S),Nt&&Ge?(Ie==1?(Ye=de,ye=ee):(Ye=ce,ye=Q),Ne=I[N],pt=j(Re(Ye,ie),Ne,$,0),lt=j(Re(Ye+ye,ie),Ne,$,0),gr(Ot(pt,lt),He(lt-pt))):gr(0,$)}else Oo()}else{let E=He(jl-Kl),N=He(Yl-Gl);if(R.ori==1){let ie=E;E=N,N=ie}Ke=Xe.x&&E>=Xe.dist,Ge=Xe.y&&N>=Xe.dist;let q=Xe.uni;q!=null?Ke&&Ge&&(Ke=E>=q,Ge=N>=q,!Ke&&!Ge&&(N>E?Ge=!0:Ke=!0)):Xe.x&&Xe.y&&(Ke||Ge)&&(Ke=Ge=!0);let B,H;Ke&&(R.ori==0?(B=Gn,H=Ce):(B=jn,H=Te),mr(Ot(B,H),He(H-B)),Ge||gr(0,$)),Ge&&(R.ori==1?(B=Gn,H=Ce):(B=jn,H=Te),gr(Ot(B,H),He(H-B)),Ke||mr(0,S)),!Ke&&!Ge&&(mr(0,0),gr(0,0))}if(Xe._x=Ke,Xe._y=Ge,i==null){if(h){if(ai!=null){let[E,N]=Ue.scales;Ue.values[0]=E!=null?Vt(R.ori==0?Ce:Te,E):null,Ue.values[1]=N!=null?Vt(R.ori==1?Ce:Te,N):null}_r(zo,n,Ce,Te,ae,F,p)}if(On){let E=h&&Ue.setSeries,N=Ht.prox;bn==null?Zt<=N&&Wt(sn,Qn,!0,E):Zt>N?Wt(null,Qn,!0,E):sn!=bn&&Wt(sn,Qn,!0,E)}}At&&(le.idx=p,Mo()),a!==!1&&je("setCursor")}let an=null;Object.defineProperty(n,"rect",{get(){return an==null&&yr(!1),an}});function yr(i=!1){i?an=null:(an=v.getBoundingClientRect(),je("syncRect",an))}function Zl(i,a,h,p,_,S,$){z._lock||on&&i!=null&&i.movementX==0&&i.movementY==0||(Lo(i,a,h,p,_,S,$,!1,i!=null),i!=null?vn(null,!0,!0):vn(a,!0,!1))}function Lo(i,a,h,p,_,S,$,E,N){if(an==null&&yr(!1),_n(i),i!=null)h=i.clientX-an.left,p=i.clientY-an.top;else{if(h<0||p<0){Ce=-10,Te=-10;return}let[q,B]=Ue.scales,H=a.cursor.sync,[ie,he]=H.values,[de,ce]=H.scales,[ee,Q]=Ue.match,Ie=a.axes[0].side%2==1,Re=R.ori==0?ae:F,Ye=R.ori==1?ae:F,ye=Ie?S:_,Ne=Ie?_:S,pt=Ie?p:h,lt=Ie?h:p;if(de!=null?h=ee(q,de)?f(ie,I[q],Re,0):-10:h=Re*(pt/ye),ce!=null?p=Q(B,ce)?f(he,I[B],Ye,0):-10:p=Ye*(lt/Ne),R.ori==1){let $t=h;h=p,p=$t}}N&&(a==null||a.cursor.event.type==zo)&&((h<=1||h>=ae-1)&&(h=Cn(h,ae)),(p<=1||p>=F-1)&&(p=Cn(p,F))),E?(Kl=h,Gl=p,[Gn,jn]=z.move(n,h,p)):(Ce=h,Te=p)}const Uo={width:0,height:0,left:0,top:0};function Oo(){Or(Uo,!1)}let Xl,ei,ti,ni;function ri(i,a,h,p,_,S,$){on=!0,Ke=Ge=Xe._x=Xe._y=!1,Lo(i,a,h,p,_,S,$,!0,!1),i!=null&&(ot(Ko,ol,oi,!1),_r(Di,n,Gn,jn,ae,F,null));let{left:E,top:N,width:q,height:B}=$e;Xl=E,ei=N,ti=q,ni=B}function oi(i,a,h,p,_,S,$){on=Xe._x=Xe._y=!1,Lo(i,a,h,p,_,S,$,!1,!0);let{left:E,top:N,width:q,height:B}=$e,H=q>0||B>0,ie=Xl!=E||ei!=N||ti!=q||ni!=B;if(H&&ie&&Or($e),Xe.setScale&&H&&ie){let he=E,de=q,ce=N,ee=B;if(R.ori==1&&(he=N,de=B,ce=E,ee=q),Ke&&ln(P,Vt(he,P),Vt(he+de,P)),Ge)for(let Q in I){let Ie=I[Q];Q!=P&&Ie.from==null&&Ie.min!=we&&ln(Q,Vt(ce+ee,Q),Vt(ce,Q))}Oo()}else z.lock&&(z._lock=!z._lock,vn(a,!0,i!=null));i!=null&&(Mn(Ko,ol),_r(Ko,n,Ce,Te,ae,F,null))}function lc(i,a,h,p,_,S,$){if(z._lock)return;_n(i);let E=on;if(on){let N=!0,q=!0,B=10,H,ie;R.ori==0?(H=Ke,ie=Ge):(H=Ge,ie=Ke),H&&ie&&(N=Ce<=B||Ce>=ae-B,q=Te<=B||Te>=F-B),H&&N&&(Ce=Ce<Gn?0:ae),ie&&q&&(Te=Te<jn?0:F),vn(null,!0,!0),on=!1}Ce=-10,Te=-10,Y.fill(null),vn(null,!0,!0),E&&(on=E)}function li(i,a,h,p,_,S,$){z._lock||(_n(i),bo(),Oo(),i!=null&&_r(xi,n,Ce,Te,ae,F,null))}function ii(){D.forEach(_h),wo(n.width,n.height,!0)}Dn(oo,nr,ii);const Jn={};Jn.mousedown=ri,Jn.mousemove=Zl,Jn.mouseup=oi,Jn.dblclick=li,Jn.setSeries=(i,a,h,p)=>{let _=Ue.match[2];h=_(n,a,h),h!=-1&&Wt(h,p,!0,!1)},xe&&(ot(Di,v,ri),ot(zo,v,Zl),ot(Ti,v,i=>{_n(i),yr(!1)}),ot(Pi,v,lc),ot(xi,v,li),fl.add(n),n.syncRect=yr);const qr=n.hooks=e.hooks||{};function je(i,a,h){Po?pr.push([i,a,h]):i in qr&&qr[i].forEach(p=>{p.call(null,n,a,h)})}(e.plugins||[]).forEach(i=>{for(let a in i.hooks)qr[a]=(qr[a]||[]).concat(i.hooks[a])});const si=(i,a,h)=>h,Ue=qe({key:null,setSeries:!1,filters:{pub:Wi,sub:Wi},scales:[P,k[1]?k[1].scale:null],match:[Vi,Vi,si],values:[null,null]},z.sync);Ue.match.length==2&&Ue.match.push(si),z.sync=Ue;const ai=Ue.key,qo=da(ai);function _r(i,a,h,p,_,S,$){Ue.filters.pub(i,a,h,p,_,S,$)&&qo.pub(i,a,h,p,_,S,$)}qo.sub(n);function ic(i,a,h,p,_,S,$){Ue.filters.sub(i,a,h,p,_,S,$)&&Jn[i](null,a,h,p,_,S,$)}n.pub=ic;function sc(){qo.unsub(n),fl.delete(n),hn.clear(),sl(oo,nr,ii),d.remove(),X==null||X.remove(),je("destroy")}n.destroy=sc;function Bo(){je("init",e,t),Ol(t||e.data,!1),T[P]?xo(P,T[P]):bo(),xr=$e.show&&($e.width>0||$e.height>0),yn=At=!0,wo(e.width,e.height)}return k.forEach(Ll),D.forEach(qa),r?r instanceof HTMLElement?(r.appendChild(d),Bo()):r(n,Bo):Bo(),n}nt.assign=qe;nt.fmtNum=Cl;nt.rangeNum=lo;nt.rangeLog=uo;nt.rangeAsinh=kl;nt.orient=xn;nt.pxRatio=pe;nt.join=cf;nt.fmtDate=Il,nt.tzDate=bf;nt.sync=da;{nt.addGap=nh,nt.clipGaps=po;let e=nt.paths={points:ya};e.linear=wa,e.stepped=lh,e.bars=ih,e.spline=ah}const wh=ne(`
  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
      currency totalCost costBasis inputTokens outputTokens requests
      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }
    }
    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }
    connections { id provider label status lastSyncedAt lastError }
  }
`),bh=ne(`
  query Revisions($filter: UsageFilter!) {
    usageRevisions(filter: $filter, first: 10) {
      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }
    }
  }
`),vh=ne(`
  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }
`),Sh=ne(`
  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }
`),fs=864e5,zr=["#2563eb","#d97706","#059669","#db2777","#7c3aed","#0891b2","#65a30d","#dc2626","#6b7280"],Kr=[["PROVIDER","Provider"],["MODEL","Model"],["PROJECT","Project"],["API_KEY","API key"],["CONNECTION","Connection"]],kh=[["HOUR","Hour"],["DAY","Day"],["WEEK","Week"],["MONTH","Month"]],Ah=[["ALL","All providers"],["OPENAI","OpenAI"],["ANTHROPIC","Anthropic"],["OPENROUTER","OpenRouter"]],ka={OPENAI:"OpenAI",ANTHROPIC:"Anthropic",OPENROUTER:"OpenRouter"},hs={REPORTED:"reported by the provider",ESTIMATED:"estimated from list prices",MIXED:"partly estimated",NONE:"no cost data"};function Aa(e){return e.toISOString().slice(0,10)}function Ca(e,t){var r;switch(t){case"PROVIDER":return e.provider?ka[e.provider]:"unknown";case"MODEL":return e.model??"(no model)";case"PROJECT":return e.project??"(no project)";case"API_KEY":return e.apiKey??"(no key)";case"CONNECTION":return((r=e.connection)==null?void 0:r.label)??e.connectionId??"unknown"}}function $a(e,t,r){const n=new Map;for(const l of e){const s=Ca(l,t),c=n.get(s)??{total:0,first:0,second:0,basis:new Set},f=Number(l.cost);c.total+=f,Date.parse(l.bucketStart)<r?c.first+=f:c.second+=f,c.basis.add(l.costBasis),n.set(s,c)}return[...n.entries()].sort((l,s)=>s[1].total-l[1].total)}function Ch(e){const t=bc(null);return ft(()=>{var y;const r=t.current;if(!r||e.series.length===0)return;const n=$a(e.series,e.dim,0).map(([v])=>v),l=n.slice(0,8),s=n.length>8?[...l,"other"]:l,c=[...new Set(e.series.map(v=>Date.parse(v.bucketStart)/1e3))].sort((v,b)=>v-b),f=new Map(c.map((v,b)=>[v,b])),m=s.map(()=>new Array(c.length).fill(0));for(const v of e.series){const b=Ca(v,e.dim),A=l.includes(b)?l.indexOf(b):s.length-1;m[A][f.get(Date.parse(v.bucketStart)/1e3)]+=Number(v.cost)}const d=m.map((v,b)=>c.map((A,C)=>m.slice(b).reduce((k,D)=>k+D[C],0))),w=v=>Tt(v,e.currency),g=new nt({width:r.clientWidth||600,height:280,scales:{x:{time:!0},y:{range:(v,b,A)=>[0,A>0?A*1.05:1]}},axes:[{stroke:"currentColor"},{stroke:"currentColor",values:(v,b)=>b.map(w),size:70}],series:[{},...s.map((v,b)=>({label:v,stroke:zr[b%zr.length],fill:zr[b%zr.length]+"cc",width:1,value:(A,C,k,D)=>D==null?"—":w(m[b][D])}))]},[c,...d],r);(y=document.body.dataset).chartPaint??(y.chartPaint=String(Math.round(performance.now())));const u=new ResizeObserver(()=>g.setSize({width:r.clientWidth,height:280}));return u.observe(r),()=>{u.disconnect(),g.destroy()}},[e.series,e.dim,e.currency]),o("div",{class:"chart",ref:t,role:"img","aria-label":"Stacked spend over time; the table below lists the same figures."})}function $h(e){const[t,r]=O(null);return ft(()=>{ge(bh,{filter:{from:e.from.toISOString(),to:e.to.toISOString()}}).then(n=>r(n.usageRevisions.edges.map(l=>l.node)),()=>r(null))},[e.from,e.to,e.version]),!t||t.length===0?null:o("section",{"aria-labelledby":"revisions",children:[o("h2",{id:"revisions",children:"Revised by the provider"}),o("ul",{class:"movers","data-testid":"revisions",children:t.map(n=>o("li",{children:[o("strong",{children:ka[n.provider]})," ",n.model??n.lineItem??n.project??"",", ",Aa(new Date(n.bucketStart)),":"," ",n.kind==="ADDED"?"added":n.kind==="REMOVED"?"removed":"changed"," ",Number(n.costDelta)>=0?"+":"−",Tt(Math.abs(Number(n.costDelta)),n.currency)," ",o("span",{class:"muted",children:["(revised ",et(n.revisedAt),")"]})]},n.id))})]})}function Ih(e){var R;const[t,r]=O(e.days&&e.days>0?e.days:30),[n,l]=O(((R=Kr.find(([L])=>L===e.group))==null?void 0:R[0])??"PROVIDER"),[s,c]=O("DAY"),[f,m]=O("ALL"),[d,w]=O(null),[g,u]=O(null),[y,v]=O(null),b=Ds(()=>{const L=new Date(Date.UTC(new Date().getUTCFullYear(),new Date().getUTCMonth(),new Date().getUTCDate()+1));return{from:new Date(L.getTime()-t*fs),to:L}},[t]),A=async()=>{const L=new Date,U=new Date(Date.UTC(L.getUTCFullYear(),L.getUTCMonth(),1));try{const j=await ge(wh,{filter:{from:b.from.toISOString(),to:b.to.toISOString(),providers:f==="ALL"?null:[f]},month:{from:U.toISOString(),to:b.to.toISOString(),providers:f==="ALL"?null:[f]},groupBy:[n],granularity:s});w(j),u(null)}catch(j){u(fn(j))}};ft(()=>{A()},[b,n,s,f]);const C=(d==null?void 0:d.connections.some(L=>!L.lastSyncedAt&&!L.lastError))??!1;ft(()=>{const L=ro(vh,T=>{v(`New usage synced (${T.usageUpdated.rowsChanged} rows); updated ${new Date().toLocaleTimeString()}.`),A()}),U=ro(Sh,()=>void A()),j=setInterval(()=>void A(),C?1e4:6e4);return()=>{L==null||L(),U==null||U(),clearInterval(j)}},[b,n,s,f,C]);const k=(b.from.getTime()+b.to.getTime())/2,D=d?$a(d.usage.series,n,k):[],I=D.filter(([,L])=>L.second!==L.first).sort((L,U)=>Math.abs(U[1].second-U[1].first)-Math.abs(L[1].second-L[1].first)).slice(0,3),M=(d==null?void 0:d.usage.currency)??"USD",P=new Date,J=new Date(Date.UTC(P.getUTCFullYear(),P.getUTCMonth()+1,0)).getUTCDate(),W=(P.getTime()-Date.UTC(P.getUTCFullYear(),P.getUTCMonth(),1))/fs,G=d?Number(d.month.totalCost)/Math.max(W,1/24)*J:0,V=async()=>{const L=new URLSearchParams({from:b.from.toISOString(),to:b.to.toISOString(),granularity:s,groupBy:n});f!=="ALL"&&L.set("providers",f);try{const U=await fetch(`${Cc}?${L}`,{credentials:"same-origin",headers:Rs()});if(!U.ok)throw new Error;const j=URL.createObjectURL(await U.blob()),T=document.createElement("a");T.href=j,T.download=`meterwise-usage-${Aa(b.from)}.csv`,T.click(),setTimeout(()=>URL.revokeObjectURL(j),1e3)}catch{u("The export failed; try again.")}};return o(Yt,{title:"Spend",actions:o("button",{type:"button",class:"secondary",onClick:()=>void V(),children:"Export CSV"}),children:[o("form",{class:"filters","aria-label":"Filters",onSubmit:L=>L.preventDefault(),children:[o(jt,{label:"Range",name:"range",value:String(t),options:[["7","Last 7 days"],["30","Last 30 days"],["90","Last 90 days"],["365","Last 12 months"],...[7,30,90,365].includes(t)?[]:[[String(t),`Last ${t} days`]]],onChange:L=>r(Number(L))}),o(jt,{label:"Granularity",name:"granularity",value:s,options:kh,onChange:c}),o(jt,{label:"Group by",name:"groupBy",value:n,options:Kr,onChange:l}),o(jt,{label:"Provider",name:"provider",value:f,options:Ah,onChange:m})]}),o(Ae,{error:g}),o("p",{class:"live",role:"status","aria-live":"polite",children:y??"Live updates on."}),d?d.connections.length===0?o("div",{class:"empty",children:[o("h2",{children:"No usage yet"}),o("p",{children:"Connect a provider account and your first sync backfills the last 30 days."}),o("a",{class:"button",href:"#/connections",children:"Connect a provider"})]}):o(Pt,{children:[C&&o("div",{class:"progress",role:"status",children:[o("label",{for:"backfill",children:"First sync running: backfilling the last 30 days…"}),o("progress",{id:"backfill"})]}),o("dl",{class:"totals",children:[o("div",{children:[o("dt",{children:"Spend in range"}),o("dd",{"data-testid":"total-cost","data-value":d.usage.totalCost,children:Tt(d.usage.totalCost,M)}),o("dd",{class:"basis",children:hs[d.usage.costBasis]})]}),o("div",{children:[o("dt",{children:"This month"}),o("dd",{"data-testid":"month-cost",children:Tt(d.month.totalCost,M)}),o("dd",{class:"basis",children:["forecast ",Tt(G,M)," (linear)"]})]}),o("div",{children:[o("dt",{children:"Requests"}),o("dd",{"data-testid":"requests",children:Math.round(d.usage.requests).toLocaleString()})]}),o("div",{children:[o("dt",{children:"Tokens in / out"}),o("dd",{children:[Math.round(d.usage.inputTokens).toLocaleString()," / ",Math.round(d.usage.outputTokens).toLocaleString()]})]})]}),d.usage.series.length===0?o("div",{class:"empty",children:[o("h2",{children:"No usage in this range"}),o("p",{children:C?"Your first sync is still running; figures appear as soon as it lands.":"Try a longer range or another provider."})]}):o(Pt,{children:[o(Ch,{series:d.usage.series,dim:n,currency:M}),I.length>0&&o("section",{"aria-labelledby":"movers",children:[o("h2",{id:"movers",children:"Top movers"}),o("ul",{class:"movers",children:I.map(([L,U])=>o("li",{children:[o("strong",{children:L})," ",U.second>=U.first?"up":"down"," ",Tt(Math.abs(U.second-U.first),M)," vs the first half of the range"]},L))})]}),o($h,{from:b.from,to:b.to,version:d}),o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:["Spend by ",Kr.find(([L])=>L===n)[1].toLowerCase()]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:Kr.find(([L])=>L===n)[1]}),o("th",{scope:"col",children:"Spend"}),o("th",{scope:"col",children:"Cost source"})]})}),o("tbody",{children:D.map(([L,U])=>o("tr",{children:[o("td",{children:L}),o("td",{children:Tt(U.total,M)}),o("td",{children:U.basis.size===1?hs[[...U.basis][0]]:"partly estimated"})]},L))})]})})]}),o("p",{class:"hint",children:["Connections: ",d.connections.map(L=>`${L.label} (last sync ${et(L.lastSyncedAt)})`).join(", ")]})]}):o("p",{role:"status",children:"Loading spend…"})]})}const Eh=ne(`
  query Notices { notices { id title body severity createdAt } }
`),Dh=ne(`
  subscription NoticePosted { noticePosted { id title body severity createdAt } }
`),Th=ne(`
  mutation AcknowledgeNotice($id: ID!) {
    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }
  }
`),Ph=ne(`
  mutation RequiredPasswordChange($input: ChangePasswordInput!) {
    changePassword(input: $input) { ok errors { code message field } }
  }
`);function Ia(){const[e,t]=O([]),[r,n]=O(null);return ft(()=>{ge(Eh,{}).then(c=>t(c.notices),c=>n(fn(c)));const s=ro(Dh,c=>t(f=>f.some(m=>m.id===c.noticePosted.id)?f:[c.noticePosted,...f]));return()=>s==null?void 0:s()},[]),{notices:e,error:r,drop:s=>t(c=>c.filter(f=>f.id!==s))}}function Ea(e){const{notice:t}=e,{busy:r,error:n,run:l}=Je(),s=`notice-${t.id}`;return o("section",{class:`notice-card ${t.severity.toLowerCase()}`,role:"region","aria-labelledby":s,"data-testid":"notice",children:[o("h2",{id:s,children:t.title}),o("p",{class:"hint",children:["Posted ",et(t.createdAt)]}),t.body.split(`

`).map((c,f)=>{const[m,...d]=c.split(`
`);return o("div",{children:[o("h3",{children:m}),d.map((w,g)=>o("p",{children:w},g))]},f)}),o(Ae,{error:n}),e.canAcknowledge&&e.onDone&&o("button",{type:"button",class:"secondary",disabled:r,onClick:()=>void l(async()=>{var f;const c=await Qe(Th,{id:t.id},m=>m.acknowledgeNotice.errors);return c.acknowledgeNotice.errors.length?Se(c.acknowledgeNotice.errors):((f=e.onDone)==null||f.call(e),null)}),children:"Acknowledge for everyone"})]})}function xh(e){const{notices:t,error:r,drop:n}=Ia();return t.length?o("div",{class:"notices","aria-label":"Notices from the operator",children:t.map(l=>o(Ea,{notice:l,canAcknowledge:e.canAcknowledge,onDone:()=>n(l.id)},l.id))}):r?o(Ae,{error:r}):null}function Rh(e){const{notices:t}=Ia(),[r,n]=O(""),[l,s]=O(""),[c,f]=O({}),{busy:m,error:d,run:w}=Je();return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Choose a new password"}),o("p",{children:["After a security incident, ",e.email," must set a new password before using Meterwise again. Your other sessions and API tokens end when you do."]}),t.map(g=>o(Ea,{notice:g,canAcknowledge:!1},g.id)),o(Ae,{error:d}),o("form",{"aria-label":"New password",onSubmit:g=>{g.preventDefault(),w(async()=>{const y=(await ge(Ph,{input:{currentPassword:r,newPassword:l}})).changePassword.errors;return f(Object.fromEntries(y.filter(v=>v.field).map(v=>[v.field,v.message]))),y.length?Se(y):(e.onDone(),null)})},children:[o(_e,{label:"Current password",name:"currentPassword",type:"password",value:r,onInput:n,autocomplete:"current-password",required:!0,error:c.currentPassword}),o(_e,{label:"New password",name:"newPassword",type:"password",value:l,onInput:s,autocomplete:"new-password",required:!0,hint:"Not one you used before; at least 12 characters.",error:c.newPassword}),o("button",{type:"submit",disabled:m,children:m?"Saving…":"Set new password"})]})]})}const Nh=ne("query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }"),Mh=ne(`
  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }
`),Lh=ne("query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }"),Uh=ne("mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }"),Oh=ne(`
  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }
`),qh=ne("mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }"),Bh=ne("query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }"),Fh=ne(`
  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }
`),Hh=ne("mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"),Wh=ne("query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }"),Vh=ne("mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }"),ps=[["OWNER","Owner"],["ADMIN","Admin"],["MEMBER","Member"],["VIEWER","Viewer"]];function zh(e){var y,v;const t=rr(()=>ge(Nh,{}).then(b=>b.members)),r=rr(()=>qt(e.account)?ge(Lh,{}).then(b=>b.invites):Promise.resolve([])),[n,l]=O("MEMBER"),[s,c]=O("1"),[f,m]=O(null),{busy:d,error:w,run:g}=Je(),u=((y=e.account)==null?void 0:y.role)==="OWNER";return o(Yt,{title:"Members",children:[o(Ae,{error:t.error??w}),t.items===null?o("p",{role:"status",children:"Loading…"}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:["People in ",((v=e.account)==null?void 0:v.name)??"this account"]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Email"}),o("th",{scope:"col",children:"Role"}),o("th",{scope:"col",children:"Two-factor"}),o("th",{scope:"col",children:"Last active"}),qt(e.account)&&o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:t.items.map(b=>o("tr",{children:[o("td",{children:b.email}),o("td",{children:u?o("select",{"aria-label":`Role of ${b.email}`,value:b.role,disabled:d,onChange:A=>void g(async()=>{const C=await Qe(Oh,{memberId:b.id,role:A.target.value},k=>k.changeMemberRole.errors);return await t.reload(),Se(C.changeMemberRole.errors)}),children:ps.map(([A,C])=>o("option",{value:A,children:C},A))}):b.role.toLowerCase()}),o("td",{children:b.mfaEnabled?"on":"off"}),o("td",{children:et(b.lastActiveAt)}),qt(e.account)&&o("td",{children:o("button",{type:"button",class:"danger small",disabled:d,onClick:()=>void g(async()=>{if(!confirm(`Remove ${b.email} from the account?`))return null;const A=await Qe(qh,{memberId:b.id},C=>C.removeMember.errors);return await t.reload(),Se(A.removeMember.errors)}),children:"Remove"})})]},b.id))})]})}),qt(e.account)&&o("section",{class:"card","aria-labelledby":"invite-title",children:[o("h2",{id:"invite-title",children:"Invite someone"}),o("form",{onSubmit:b=>{b.preventDefault(),g(async()=>{const A=await Qe(Mh,{input:{role:n,uses:Number(s)||1}},C=>C.inviteMember.errors);return A.inviteMember.errors.length?Se(A.inviteMember.errors):(m(A.inviteMember.code??null),await r.reload(),null)})},children:[o(jt,{label:"Role",name:"inviteRole",value:n,options:ps.filter(([b])=>b!=="OWNER"),onChange:l}),o(_e,{label:"Uses",name:"uses",type:"number",value:s,onInput:c}),o("button",{type:"submit",disabled:d,children:"Create invite"})]}),f&&o("p",{role:"status",children:["Invite code (shown once): ",o("code",{"data-testid":"invite-code",children:f}),". They sign up at ",o("code",{children:[location.origin,"/#/signup?invite=",f]})]}),o(Ae,{error:r.error}),r.items!==null&&(r.items.length===0?o("p",{class:"empty",children:"No open invites."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Open invites"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Role"}),o("th",{scope:"col",children:"Uses left"}),o("th",{scope:"col",children:"Expires"}),o("th",{scope:"col",children:"Created by"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:r.items.map(b=>{var A,C;return o("tr",{children:[o("td",{children:((A=b.role)==null?void 0:A.toLowerCase())??"new account"}),o("td",{children:[b.usesLeft," of ",b.maxUses]}),o("td",{children:et(b.expiresAt)}),o("td",{children:b.createdByEmail??"unknown"}),o("td",{children:o("button",{type:"button",class:"danger small",disabled:d,"aria-label":`Revoke the ${((C=b.role)==null?void 0:C.toLowerCase())??""} invite expiring ${et(b.expiresAt)}`,onClick:()=>void g(async()=>{const k=await Qe(Uh,{id:b.id},D=>D.revokeInvite.errors);return await r.reload(),Se(k.revokeInvite.errors)}),children:"Revoke"})})]},b.id)})})]})}))]})]})}function Kh(){const e=rr(()=>ge(Bh,{}).then(u=>u.apiTokens)),[t,r]=O(""),[n,l]=O("READ_USAGE"),[s,c]=O("90"),[f,m]=O(null),{busy:d,error:w,run:g}=Je();return o(Yt,{title:"API tokens",children:[o(Ae,{error:e.error??w}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No API tokens yet."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Tokens for programs and dashboards"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Scope"}),o("th",{scope:"col",children:"Expires"}),o("th",{scope:"col",children:"Last used"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(u=>o("tr",{children:[o("td",{children:u.name}),o("td",{children:u.scope==="FULL"?"full":"read usage"}),o("td",{children:et(u.expiresAt)}),o("td",{children:et(u.lastUsedAt)}),o("td",{children:u.active?o("button",{type:"button",class:"danger small",disabled:d,onClick:()=>void g(async()=>{const y=await ge(Hh,{id:u.id});return await e.reload(),Se(y.revokeApiToken.errors)}),children:"Revoke"}):"revoked"})]},u.id))})]})}),o("section",{class:"card","aria-labelledby":"new-token",children:[o("h2",{id:"new-token",children:"New token"}),o("form",{onSubmit:u=>{u.preventDefault(),g(async()=>{const y=await Qe(Fh,{input:{name:t,scope:n,expiresInDays:Number(s)||90}},v=>v.createApiToken.errors);return y.createApiToken.errors.length?Se(y.createApiToken.errors):(m(y.createApiToken.token??null),r(""),await e.reload(),null)})},children:[o(_e,{label:"Name",name:"tokenName",value:t,onInput:r,required:!0}),o(jt,{label:"Scope",name:"scope",value:n,options:[["READ_USAGE","Read usage only"],["FULL","Full access"]],onChange:l}),o(_e,{label:"Expires in (days)",name:"expiresInDays",type:"number",value:s,onInput:c}),o("button",{type:"submit",disabled:d,children:"Create token"})]}),f&&o("p",{role:"status",children:["Copy it now, it is not shown again: ",o("code",{children:f})]})]})]})}function Gh(){const e=rr(()=>ge(Wh,{}).then(l=>l.sessions)),{busy:t,error:r,run:n}=Je();return o(Yt,{title:"Sessions",children:[o(Ae,{error:e.error??r}),e.items===null?o("p",{role:"status",children:"Loading…"}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Where you are signed in"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Device"}),o("th",{scope:"col",children:"IP"}),o("th",{scope:"col",children:"Last seen"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(l=>o("tr",{children:[o("td",{children:l.userAgent.slice(0,80)||"unknown"}),o("td",{children:l.ip}),o("td",{children:et(l.lastSeenAt)}),o("td",{children:l.current?"this session":o("button",{type:"button",class:"danger small",disabled:t,onClick:()=>void n(async()=>{const s=await ge(Vh,{id:l.id});return await e.reload(),Se(s.revokeSession.errors)}),children:"Revoke"})})]},l.id))})]})})]})}const jh=ne(`
  query Audit($after: String) {
    auditLog(first: 50, after: $after) {
      edges { node { id seq action actorEmail target ip occurredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),Yh=ne(`
  query SecurityEvents($after: String) {
    securityEvents(first: 50, after: $after) {
      edges { node { id kind severity details createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);function Da(e){const[t,r]=O(null),[n,l]=O(null),[s,c]=O(!1),[f,m]=O(null),d=w=>e(w).then(g=>{r(u=>[...w?u??[]:[],...g.edges.map(y=>y.node)]),l(g.pageInfo.endCursor??null),c(g.pageInfo.hasNextPage)},g=>m(fn(g)));return ft(()=>{d(null)},[]),{items:t,error:f,more:s,loadMore:()=>void d(n)}}function Qh(){const e=Da(t=>ge(jh,{after:t}).then(r=>r.auditLog));return o(Yt,{title:"Audit log",children:[o(Ae,{error:e.error}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"Nothing recorded yet."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Every change to the account, hash-chained"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"#"}),o("th",{scope:"col",children:"When"}),o("th",{scope:"col",children:"Who"}),o("th",{scope:"col",children:"Action"}),o("th",{scope:"col",children:"Target"}),o("th",{scope:"col",children:"IP"})]})}),o("tbody",{children:e.items.map(t=>o("tr",{children:[o("td",{children:t.seq}),o("td",{children:et(t.occurredAt)}),o("td",{children:t.actorEmail??"system"}),o("td",{children:t.action}),o("td",{children:t.target??""}),o("td",{children:t.ip??""})]},t.id))})]})}),e.more&&o("button",{type:"button",class:"secondary",onClick:e.loadMore,children:"Load more"})]})}function Jh(){const e=Da(t=>ge(Yh,{after:t}).then(r=>r.securityEvents));return o(Yt,{title:"Security events",children:[o(Ae,{error:e.error}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No security events. Sign-in failures, rate limiting and unusual access show up here."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Suspicious or notable activity"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"When"}),o("th",{scope:"col",children:"Severity"}),o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Details"})]})}),o("tbody",{children:e.items.map(t=>o("tr",{children:[o("td",{children:et(t.createdAt)}),o("td",{children:o("span",{class:`sev ${t.severity.toLowerCase()}`,children:t.severity.toLowerCase()})}),o("td",{children:t.kind}),o("td",{children:o("code",{class:"details",children:JSON.stringify(t.details)})})]},t.id))})]})}),e.more&&o("button",{type:"button",class:"secondary",onClick:e.loadMore,children:"Load more"})]})}const pl="meterwise.theme";function Ta(){const e=localStorage.getItem(pl);return e==="light"||e==="dark"?e:"system"}function Zh(e){e==="system"?localStorage.removeItem(pl):localStorage.setItem(pl,e),Pa()}function Pa(){const e=Ta();e==="system"?delete document.documentElement.dataset.theme:document.documentElement.dataset.theme=e}const Xh=ne(`
  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }
  }
`),ep=ne(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }
`),tp=ne(`
  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }
`);function np(e){var M,P,J;const t=((M=e.account)==null?void 0:M.role)==="OWNER",[r,n]=O(((P=e.account)==null?void 0:P.name)??""),[l,s]=O(((J=e.account)==null?void 0:J.mfaRequired)??!0),[c,f]=O(""),[m,d]=O(""),[w,g]=O(""),[u,y]=O(""),[v,b]=O(Ta()),A=Je(),C=Je(),k=Je(),[D,I]=O(null);return o(Yt,{title:"Settings",children:[o("section",{class:"card","aria-labelledby":"appearance",children:[o("h2",{id:"appearance",children:"Appearance"}),o(jt,{label:"Theme",name:"theme",value:v,options:[["system","Same as my device"],["light","Light"],["dark","Dark"]],onChange:W=>{Zh(W),b(W)}})]}),t&&o("section",{class:"card","aria-labelledby":"account-settings",children:[o("h2",{id:"account-settings",children:"Account"}),o(Ae,{error:A.error,notice:D}),o("form",{onSubmit:W=>{W.preventDefault(),A.run(async()=>{const G=await Qe(Xh,{input:{name:r,mfaRequired:l}},V=>V.updateAccountSettings.errors);return G.updateAccountSettings.errors.length?Se(G.updateAccountSettings.errors):(I("Saved."),e.onChanged(),null)})},children:[o(_e,{label:"Account name",name:"accountName",value:r,onInput:n,required:!0}),o("div",{class:"check",children:[o("input",{id:"mfa-required",type:"checkbox",checked:l,onChange:W=>s(W.target.checked)}),o("label",{for:"mfa-required",children:"Require two-factor authentication for every member"})]}),o("button",{type:"submit",disabled:A.busy,children:"Save"})]})]}),o("section",{class:"card","aria-labelledby":"password-title",children:[o("h2",{id:"password-title",children:"Password"}),o(Ae,{error:C.error}),o("form",{onSubmit:W=>{W.preventDefault(),C.run(async()=>{const G=await ge(ep,{input:{currentPassword:c,newPassword:m}});return G.changePassword.errors.length?Se(G.changePassword.errors):(f(""),d(""),I("Password changed."),null)})},children:[o(_e,{label:"Current password",name:"currentPassword",type:"password",value:c,onInput:f,autocomplete:"current-password",required:!0}),o(_e,{label:"New password",name:"newPassword",type:"password",value:m,onInput:d,autocomplete:"new-password",required:!0}),o("button",{type:"submit",disabled:C.busy,children:"Change password"})]})]}),t&&o("section",{class:"card danger-zone","aria-labelledby":"delete-title",children:[o("h2",{id:"delete-title",children:"Delete account"}),o("p",{children:"Deletes the account, its connections, usage and audit log for good."}),o(Ae,{error:k.error}),o("form",{onSubmit:W=>{W.preventDefault(),k.run(async()=>{if(!confirm("Delete this account and all its data? This cannot be undone."))return null;const G=await Qe(tp,{input:{password:w,code:u}},V=>V.deleteAccount.errors);return G.deleteAccount.errors.length?Se(G.deleteAccount.errors):(e.onDeleted(),null)})},children:[o(_e,{label:"Password",name:"deletePassword",type:"password",value:w,onInput:g,autocomplete:"current-password",required:!0}),o(_e,{label:"Two-factor or recovery code",name:"deleteCode",value:u,onInput:y,required:!0}),o("button",{type:"submit",class:"danger",disabled:k.busy,children:"Delete account"})]})]})]})}const rp=ne("mutation LogOut { logOut }");function ms(){const[e,t]=location.hash.replace(/^#/,"").split("?");return{path:e||"/",query:new URLSearchParams(t??"")}}const gs=[{path:"/",label:"Spend"},{path:"/connections",label:"Connections"},{path:"/budgets",label:"Budgets"},{path:"/alerts",label:"Alerts"},{path:"/members",label:"Members",admin:!0},{path:"/tokens",label:"API tokens",admin:!0},{path:"/sessions",label:"Sessions",admin:!0},{path:"/audit",label:"Audit log",admin:!0},{path:"/security",label:"Security events",admin:!0},{path:"/settings",label:"Settings"}];function op(){const[e,t]=O(ms()),[r,n]=O(void 0),[l,s]=O(null),[c,f]=O(!1),[m,d]=O(!1),[w,g]=O(null),[u,y]=O(null),[v,b]=O(null),A=async()=>{try{const M=await Qu();n(M.me),s(M.account),f(M.needsMfa),d(M.needsPassword),y(null)}catch(M){y(fn(M)),n(null)}};ft(()=>{const M=()=>t(ms());addEventListener("hashchange",M);const P=$u(()=>{En(null),n(null),s(null),g("Your session has ended. Sign in again.")}),J=Iu(()=>d(!0));return Si(W=>new Promise(G=>b({submit:W,resolve:G}))),A(),()=>{removeEventListener("hashchange",M),P(),J(),Si(null)}},[]),ft(()=>{var M;(M=document.getElementById("page-title"))==null||M.focus()},[e.path]);const C=()=>{g(null),location.hash="#/",A()},k=async()=>{try{await ge(rp,{})}catch{}En(null),n(null),s(null),g("You are signed out."),location.hash="#/signin"};if(r===void 0)return o("main",{id:"main",children:o("p",{role:"status",children:"Loading…"})});if(r===null)return e.path==="/signup"?o(Uu,{invite:e.query.get("invite")??"",onDone:C}):o(Lu,{onDone:C,notice:w??u});if(c)return o(Ou,{email:r.email,onDone:C});if(m)return o(Rh,{email:r.email,onDone:C});const D=qt(l),I=(()=>{switch(e.path){case"/connections":return o(Sd,{account:l});case"/budgets":return o(hd,{account:l});case"/alerts":return o(md,{account:l});case"/members":return D?o(zh,{account:l}):null;case"/tokens":return D?o(Kh,{}):null;case"/sessions":return D?o(Gh,{}):null;case"/audit":return D?o(Qh,{}):null;case"/security":return D?o(Jh,{}):null;case"/settings":return o(np,{account:l,onChanged:()=>void A(),onDeleted:()=>{En(null),n(null),g("The account was deleted.")}});default:return o(Ih,{days:Number(e.query.get("days"))||void 0,group:e.query.get("group")})}})();return o(Pt,{children:[o("a",{class:"skip",href:"#main",onClick:M=>{var P;M.preventDefault(),(P=document.getElementById("page-title"))==null||P.focus()},children:"Skip to content"}),o("header",{class:"top",children:[o("span",{class:"brand",children:"Meterwise"}),o("span",{class:"who",children:[r.email,l&&o(Pt,{children:[" · ",l.name," · ",o("span",{"data-testid":"role",children:l.role.toLowerCase()})]})]}),o("button",{type:"button",class:"secondary small",onClick:()=>void k(),children:"Sign out"})]}),o("nav",{"aria-label":"Main",children:o("ul",{children:gs.filter(M=>!M.admin||D).map(M=>o("li",{children:o("a",{href:`#${M.path}`,"aria-current":e.path===M.path||M.path==="/"&&!gs.some(P=>P.path===e.path)?"page":void 0,children:M.label})},M.path))})}),o("main",{id:"main",children:[o(Ae,{error:u}),o(xh,{canAcknowledge:D}),I??o("p",{children:"Your role cannot open this page."})]}),v&&o(qu,{submit:v.submit,onClose:M=>{v.resolve(M),b(null)}})]})}Pa();yc(o(op,{}),document.getElementById("app"));
